namespace PolicyTracker.Benchmarks.Generation.Lexicon;

/// <summary>Closed-class words that glue filler phrases together, most frequent first.</summary>
internal static class FunctionWords
{
    /// <summary>Determiners that precede a singular or mass noun ("a" is chosen separately for a/an).</summary>
    public static readonly string[] SingularDeterminers =
        ["the", "the", "a", "its", "their", "this", "that", "each", "any", "another", "every", "one such"];

    /// <summary>Determiners that precede a plural noun.</summary>
    public static readonly string[] PluralDeterminers =
        ["the", "their", "its", "these", "many", "some", "several", "most", "those", "other", "all", "few", "such"];

    /// <summary>Prepositions that link a noun phrase to another.</summary>
    public static readonly string[] Prepositions =
    [
        "of", "in", "for", "on", "with", "at", "by", "from", "about", "under", "over", "after", "before",
        "between", "through", "against", "across", "within", "without", "during", "into", "amid", "among",
        "beyond", "ahead of", "alongside", "despite", "toward", "around", "behind", "following", "including",
    ];

    /// <summary>Conjunctions that join two clauses.</summary>
    public static readonly string[] ClauseConjunctions =
        ["and", "but", "while", "as", "although", "because", "since", "even as", "whereas", "so"];

    /// <summary>Modal verbs used before a base-form verb.</summary>
    public static readonly string[] Modals =
        ["could", "would", "will", "may", "might", "should", "must", "can"];

    /// <summary>Generic plural subjects for filler clauses.</summary>
    public static readonly string[] PluralSubjects =
    [
        "officials", "regulators", "lawmakers", "critics", "analysts", "developers", "companies", "researchers",
        "industry groups", "civil society groups", "supporters", "opponents", "diplomats", "legal experts",
        "investors", "executives", "advocates", "academics", "state officials", "European officials",
    ];

    /// <summary>Generic singular subjects for filler clauses.</summary>
    public static readonly string[] SingularSubjects =
    [
        "the agency", "the company", "the government", "the committee", "the administration", "the commission",
        "the lab", "the ministry", "the regulator", "the proposal", "the draft", "the report", "the bill",
        "the framework", "the industry", "the court", "the coalition", "the office", "the board", "the panel",
    ];
}
