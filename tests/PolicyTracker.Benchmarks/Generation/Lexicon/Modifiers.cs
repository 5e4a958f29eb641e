namespace PolicyTracker.Benchmarks.Generation.Lexicon;

/// <summary>Adjectives and adverbs of policy coverage, roughly most frequent first.</summary>
internal static class Modifiers
{
    /// <summary>Attributive adjectives.</summary>
    public const string Adjectives = """
        new federal national public major global international private key large small
        first last final early late recent current former proposed existing advanced powerful frontier
        general-purpose open-weight open-source closed proprietary commercial industrial technical legal
        regulatory political economic financial strategic military civilian domestic foreign European
        American Chinese British regional local state-level high-risk low-risk critical essential
        significant broad narrow sweeping limited voluntary mandatory binding non-binding formal informal
        clear vague ambiguous detailed comprehensive preliminary initial interim temporary permanent annual
        quarterly monthly weekly daily strong weak tough lax strict flexible rigid stringent modest
        ambitious aggressive cautious careful measured balanced controversial contentious divisive popular
        unpopular bipartisan partisan independent neutral transparent opaque accountable responsible
        reliable robust secure safe unsafe dangerous harmful risky uncertain unclear likely unlikely
        possible potential actual real serious minor massive huge enormous substantial considerable
        growing rising falling declining shrinking expanding emerging established leading dominant rival
        competing similar different separate distinct specific particular general common rare unusual
        typical standard novel unprecedented historic landmark fresh long-awaited overdue delayed
        expedited rapid swift slow gradual sudden immediate urgent pressing lingering persistent ongoing
        continuing renewed revised updated amended draft final official unofficial confidential classified
        sensitive personal biometric synthetic generative autonomous agentic automated manual digital
        online offline physical chemical biological nuclear radiological cyber electoral judicial
        legislative executive administrative procedural constitutional statutory contractual ethical moral
        social cultural educational medical clinical scientific academic corporate institutional
        multilateral bilateral transatlantic cross-border worldwide nationwide statewide citywide
        multinational multibillion-dollar trillion-dollar costly expensive cheap affordable efficient
        inefficient scalable secure-by-default interoperable compatible incompatible consistent
        inconsistent coherent fragmented patchwork unified centralized decentralized distributed
        concentrated competitive anticompetitive exclusive inclusive fair unfair equitable discriminatory
        biased accurate inaccurate misleading false deceptive manipulative fraudulent malicious hostile
        adversarial defensive offensive protective preventive corrective punitive remedial
        """;

    /// <summary>Manner and degree adverbs.</summary>
    public const string Adverbs = """
        also now already still only again recently publicly privately quickly formally officially largely
        widely broadly narrowly sharply significantly substantially partly fully jointly separately
        directly indirectly repeatedly increasingly gradually rapidly swiftly quietly openly explicitly
        implicitly initially eventually ultimately previously subsequently immediately briefly temporarily
        permanently voluntarily unanimously narrowly overwhelmingly reluctantly cautiously aggressively
        strongly firmly effectively reportedly allegedly apparently reportedly officially tentatively
        provisionally informally unilaterally collectively independently simultaneously
        """;
}
