namespace PolicyTracker.Benchmarks.Generation.Lexicon;

/// <summary>Just enough English inflection to turn the base word lists into agreeing forms.</summary>
internal static class Morphology
{
    private static readonly Dictionary<string, string> IrregularPlurals = new(StringComparer.Ordinal)
    {
        ["child"] = "children",
        ["spokesperson"] = "spokespeople",
        ["criterion"] = "criteria",
        ["memorandum"] = "memoranda",
    };

    private static readonly Dictionary<string, (string Past, string Participle)> IrregularVerbs =
        Verbs.Irregular.ToDictionary(v => v.Base, v => (v.Past, v.Participle), StringComparer.Ordinal);

    private static readonly HashSet<string> Doubling = new(Verbs.DoubleFinalConsonant, StringComparer.Ordinal);

    /// <summary>Plural of a countable noun (compounds inflect their last word).</summary>
    public static string Plural(string noun)
    {
        if (IrregularPlurals.TryGetValue(noun, out var plural))
        {
            return plural;
        }

        if (noun.EndsWith("sis", StringComparison.Ordinal))
        {
            return noun[..^2] + "es";
        }

        if (EndsWithConsonantY(noun))
        {
            return noun[..^1] + "ies";
        }

        return NeedsEs(noun) ? noun + "es" : noun + "s";
    }

    /// <summary>Simple past of a verb.</summary>
    public static string Past(string verb) =>
        IrregularVerbs.TryGetValue(verb, out var forms) ? forms.Past : RegularEd(verb);

    /// <summary>Past participle of a verb.</summary>
    public static string Participle(string verb) =>
        IrregularVerbs.TryGetValue(verb, out var forms) ? forms.Participle : RegularEd(verb);

    /// <summary>Third person singular present of a verb.</summary>
    public static string ThirdPerson(string verb)
    {
        if (EndsWithConsonantY(verb))
        {
            return verb[..^1] + "ies";
        }

        return NeedsEs(verb) ? verb + "es" : verb + "s";
    }

    /// <summary>Present participle (-ing form) of a verb.</summary>
    public static string Gerund(string verb)
    {
        if (Doubling.Contains(verb))
        {
            return verb + verb[^1] + "ing";
        }

        if (verb.EndsWith("ie", StringComparison.Ordinal))
        {
            return verb[..^2] + "ying";
        }

        // "see" keeps its e ("overseeing"); a silent final e is dropped ("making").
        if (verb.EndsWith('e') && !verb.EndsWith("ee", StringComparison.Ordinal))
        {
            return verb[..^1] + "ing";
        }

        return verb + "ing";
    }

    /// <summary>"a" or "an" for the word that follows.</summary>
    public static string IndefiniteArticle(string nextWord)
    {
        if (nextWord.Length == 0)
        {
            return "a";
        }

        // Spelling decides, except for the few sounds that contradict it.
        if (nextWord.StartsWith("uni", StringComparison.OrdinalIgnoreCase) ||
            nextWord.StartsWith("use", StringComparison.OrdinalIgnoreCase) ||
            nextWord.StartsWith("one", StringComparison.OrdinalIgnoreCase) ||
            nextWord.StartsWith("Euro", StringComparison.Ordinal))
        {
            return "a";
        }

        if (nextWord.StartsWith("hour", StringComparison.OrdinalIgnoreCase) ||
            nextWord.StartsWith("honest", StringComparison.OrdinalIgnoreCase))
        {
            return "an";
        }

        return "aeiouAEIOU".Contains(nextWord[0]) ? "an" : "a";
    }

    private static string RegularEd(string verb)
    {
        if (Doubling.Contains(verb))
        {
            return verb + verb[^1] + "ed";
        }

        if (verb.EndsWith('e'))
        {
            return verb + "d";
        }

        return EndsWithConsonantY(verb) ? verb[..^1] + "ied" : verb + "ed";
    }

    private static bool NeedsEs(string word) =>
        word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') ||
        word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal);

    private static bool EndsWithConsonantY(string word) =>
        word.Length > 1 && word[^1] == 'y' && !"aeiou".Contains(word[^2]);
}
