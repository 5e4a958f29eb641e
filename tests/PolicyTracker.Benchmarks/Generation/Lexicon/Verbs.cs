namespace PolicyTracker.Benchmarks.Generation.Lexicon;

/// <summary>Transitive verbs of policy coverage in the base form, roughly most frequent first.</summary>
internal static class Verbs
{
    /// <summary>Base forms; past, participle, -s and -ing forms come from <see cref="Morphology"/>.</summary>
    public const string Transitive = """
        make take announce propose release publish require review approve reject expand limit
        support oppose launch consider introduce adopt set hold raise build use test delay block
        restrict ban target address face tighten loosen ease extend renew revise update draft sign
        pass debate examine study assess evaluate audit investigate probe question challenge criticize
        defend praise welcome warn urge ask seek win lose gain secure provide offer share disclose reveal
        report describe outline detail explain clarify confirm deny dispute reject acknowledge accept
        reach negotiate finalize complete implement enforce apply interpret monitor track measure
        benchmark compare rank list label flag watermark detect identify classify filter remove delete
        restore recover protect safeguard shield cover include exclude exempt waive suspend pause halt
        stop resume continue begin start end close open reopen form create establish found fund finance
        invest back sponsor acquire buy sell license lease rent export import ship deliver supply source
        manufacture produce design develop train deploy integrate scale shrink cut reduce lower boost
        increase double triple cap exceed meet miss hit beat match replace retire phase sunset replace
        streamline simplify complicate harmonize align coordinate unify split divide merge combine link
        connect tie bind commit pledge promise vow plan schedule prepare organize host convene attend
        chair lead head run manage oversee supervise regulate govern control direct steer shape influence
        lobby pressure persuade convince reassure alarm worry concern unsettle surprise shock anger
        frustrate encourage discourage prompt trigger spark fuel drive accelerate slow stall derail
        undermine weaken strengthen bolster reinforce erode threaten endanger jeopardize risk expose
        highlight emphasize stress underline signal indicate suggest imply show demonstrate prove
        document record capture collect gather store retain process analyze transfer transmit publish
        circulate distribute leak obtain review summarize cite quote reference mention name appoint
        nominate elect hire fire dismiss replace promote recruit train employ consult brief inform notify
        alert contact call invite summon subpoena sue charge fine penalize sanction punish prosecute
        settle resolve appeal overturn uphold strike vacate remand challenge enjoin rule order mandate
        permit allow authorize grant deny refuse decline withdraw retract revoke rescind repeal amend
        codify formalize standardize certify verify validate inspect scrutinize vet screen clear approve
        reward incentivize subsidize tax levy impose lift drop scrap abandon shelve postpone defer
        accelerate prioritize rank weigh balance trade offset absorb pass fill bridge close narrow widen
        broaden deepen sharpen soften harden tighten relax reshape rethink reconsider revisit redraw
        rewrite rebuild reform restructure reorganize overhaul modernize upgrade patch fix break crack
        jailbreak exploit attack breach hack spoof impersonate clone generate synthesize fabricate
        manipulate distort mislead deceive exaggerate downplay understate overstate inflate deflate
        """;

    /// <summary>Verbs whose past and participle are irregular: base, past, participle.</summary>
    public static readonly (string Base, string Past, string Participle)[] Irregular =
    [
        ("make", "made", "made"), ("take", "took", "taken"), ("set", "set", "set"),
        ("hold", "held", "held"), ("build", "built", "built"), ("win", "won", "won"), ("lose", "lost", "lost"),
        ("seek", "sought", "sought"), ("begin", "began", "begun"), ("buy", "bought", "bought"),
        ("sell", "sold", "sold"), ("lead", "led", "led"), ("run", "ran", "run"), ("cut", "cut", "cut"),
        ("hit", "hit", "hit"), ("meet", "met", "met"), ("beat", "beat", "beaten"), ("bind", "bound", "bound"),
        ("drive", "drove", "driven"), ("show", "showed", "shown"), ("split", "split", "split"),
        ("oversee", "oversaw", "overseen"), ("strike", "struck", "struck"), ("break", "broke", "broken"),
        ("rewrite", "rewrote", "rewritten"), ("rebuild", "rebuilt", "rebuilt"), ("redraw", "redrew", "redrawn"), ("rethink", "rethought", "rethought"),
        ("withdraw", "withdrew", "withdrawn"), ("mislead", "misled", "misled"), ("uphold", "upheld", "upheld"),
        ("shrink", "shrank", "shrunk"), ("jailbreak", "jailbroke", "jailbroken"), ("offset", "offset", "offset"),
    ];

    /// <summary>Verbs that double their final consonant before -ed and -ing.</summary>
    public static readonly string[] DoubleFinalConsonant =
    [
        "ban", "stop", "ship", "commit", "permit", "cap", "plan", "drop", "scrap", "control", "transfer",
        "submit", "admit", "omit", "refer", "bar", "flag", "trim", "tap", "map", "spur", "rebut", "transmit",
        "vet", "defer", "sunset", "set", "win", "begin", "cut", "hit", "split", "run", "offset",
    ];
}
