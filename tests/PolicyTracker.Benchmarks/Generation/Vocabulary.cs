using PolicyTracker.Benchmarks.Generation.Lexicon;

namespace PolicyTracker.Benchmarks.Generation;

/// <summary>
/// The generator's word lists with their inflected forms, each ranked for Zipf sampling.
/// Forms of one lemma share a rank, so "ban", "banned" and "banning" are all as common as the lemma.
/// </summary>
public static class Vocabulary
{
    // Content words start around rank 10 of the whole vocabulary (function words come first), so each
    // content list's head is flattened accordingly; the small closed lists keep the plain Zipf shape.
    private const double ContentWordShift = 10;

    private static readonly string[] SingularNouns = SplitWords(Nouns.Countable);
    private static readonly string[] PluralNouns = SingularNouns.Select(Morphology.Plural).ToArray();
    private static readonly string[] VerbBases = SplitWords(Verbs.Transitive);
    private static readonly string[] VerbPasts = VerbBases.Select(Morphology.Past).ToArray();
    private static readonly string[] VerbParticiples = VerbBases.Select(Morphology.Participle).ToArray();
    private static readonly string[] VerbThirdPersons = VerbBases.Select(Morphology.ThirdPerson).ToArray();
    private static readonly string[] VerbGerunds = VerbBases.Select(Morphology.Gerund).ToArray();
    private static readonly ZipfDistribution NounRanks = new(SingularNouns.Length, shift: ContentWordShift);
    private static readonly ZipfDistribution VerbRanks = new(VerbBases.Length, shift: ContentWordShift);

    /// <summary>Mass nouns ("oversight", "compute").</summary>
    public static ZipfWordList MassNouns { get; } = new(SplitWords(Nouns.Uncountable), shift: ContentWordShift);

    /// <summary>Adjectives.</summary>
    public static ZipfWordList Adjectives { get; } = new(SplitWords(Modifiers.Adjectives), shift: ContentWordShift);

    /// <summary>Adverbs.</summary>
    public static ZipfWordList Adverbs { get; } = new(SplitWords(Modifiers.Adverbs), shift: ContentWordShift);

    /// <summary>Prepositions.</summary>
    public static ZipfWordList Prepositions { get; } = new(FunctionWords.Prepositions);

    /// <summary>Every distinct word form the filler can produce, e.g. for building search queries.</summary>
    public static IReadOnlyList<string> AllWordForms { get; } = SingularNouns
        .Concat(PluralNouns).Concat(MassNouns.Words).Concat(Adjectives.Words).Concat(Adverbs.Words)
        .Concat(VerbBases).Concat(VerbPasts).Concat(VerbParticiples).Concat(VerbThirdPersons).Concat(VerbGerunds)
        .Concat(Prepositions.Words).Concat(FunctionWords.SingularDeterminers).Concat(FunctionWords.PluralDeterminers)
        .Concat(FunctionWords.ClauseConjunctions).Concat(FunctionWords.Modals)
        .Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Draws a countable noun, singular or plural.</summary>
    public static string Noun(DeterministicRng rng, bool plural)
    {
        var rank = NounRanks.Sample(rng);
        return plural ? PluralNouns[rank] : SingularNouns[rank];
    }

    /// <summary>Draws a verb in the requested form.</summary>
    public static string Verb(DeterministicRng rng, VerbForm form)
    {
        var rank = VerbRanks.Sample(rng);
        return form switch
        {
            VerbForm.Base => VerbBases[rank],
            VerbForm.Past => VerbPasts[rank],
            VerbForm.Participle => VerbParticiples[rank],
            VerbForm.ThirdPerson => VerbThirdPersons[rank],
            VerbForm.Gerund => VerbGerunds[rank],
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
        };
    }

    /// <summary>"a" or "an" before <paramref name="nextWord"/>.</summary>
    public static string IndefiniteArticle(string nextWord) => Morphology.IndefiniteArticle(nextWord);

    private static string[] SplitWords(string list) =>
        list.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(word => word.Replace('_', ' '))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
}

/// <summary>Inflected verb forms the filler grammar asks for.</summary>
public enum VerbForm
{
    /// <summary>"ban".</summary>
    Base,

    /// <summary>"banned" (simple past).</summary>
    Past,

    /// <summary>"banned" (after has/have).</summary>
    Participle,

    /// <summary>"bans".</summary>
    ThirdPerson,

    /// <summary>"banning".</summary>
    Gerund,
}
