using System.Text.RegularExpressions;
using PolicyTracker.Web.Provenance;

namespace PolicyTracker.Web.Claims;

/// <summary>A sentence suggested as a claim: verbatim text and its code-point span in the canonical text.</summary>
public sealed record CandidateClaim(string Exact, int Start, int End);

/// <summary>
/// Finds sentences that assert something checkable: attributed statements, actions of named
/// people and organisations, figures and dates. Questions, opinion, speculation and disclaimers
/// are left out. Pure and thread-safe, so ingest runs it in its parallel prepare step. Words are
/// looked up in sets rather than matched by one large regex alternation, which was 20 times slower.
/// </summary>
public static partial class ClaimFinder
{
    // Reporting verbs: someone said or showed something.
    static readonly HashSet<string> Attribution = Set("said says told wrote write writes confirmed announced stated disclosed denied reported found showed estimated recommended warned argued accused");
    static readonly string[] AttributionPhrases = ["according to"];

    // Things named entities do that can be checked.
    static readonly HashSet<string> Action = Set("asked requested signed released restricted approved fined voted passed launched published suspended registered organised organized blamed left set sets asks commits applies adds removes numbered ran runs withdrew withdrawn appointed blocked paused agreed awarded opened ordered postponed delayed banned issued adopted granted hired reversed stopped rose fell questioned declined introduced filed sued acquired submitted rejected removed required requires expires covers contains must carry carries");
    static readonly string[] ActionPhrases = ["takes effect", "took effect", "came into force", "accounted for", "had run", "due in", "due by", "due on", "is limited to"];

    // Figures, amounts and dates (case matters: "May" is a month, "may" a hedge).
    static readonly HashSet<string> Figure = new("percent million billion thousand dozen one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred half third quarter first second ninth unanimously Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December".Split(' '), StringComparer.Ordinal);
    static readonly string[] FigurePhrases = ["per cent"];

    // The writer's own speculation, judgement and address to the reader.
    static readonly HashSet<string> Hedge = Set("might could should would perhaps probably expect hope seem seems likely watching deserve deserves worth i we you our");
    static readonly string[] HedgePhrases = ["it is time", "remain open", "remains open", "remain unclear", "remains unclear", "remains an open", "remain an open", "too early", "too small", "too large"];

    // Disclaimers about the piece itself, notes to readers and reporting boilerplate.
    [GeneratedRegex(@"^(?:this|the following) (?:article|story|post|summary|piece|text|report|bulletin)\b|\b(?:verify (?:it|this|the information)|independently verif|disclaimer|editor'?s note|views expressed|sign up|follow (?:us|our)|could not be reached|did not respond|declined to comment|write to us)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boilerplate();

    // A capitalized word after the first one: a named person, organisation, place or product.
    [GeneratedRegex(@"(?<=\s)(?:[A-Z][\p{Ll}\p{Lu}\d-]+|[A-Z]{2,})", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    /// <summary>The candidate claims of <paramref name="text"/> (canonical text), in order.</summary>
    public static IReadOnlyList<CandidateClaim> Find(string text)
    {
        var found = new List<CandidateClaim>();
        var (utf16, points) = (0, 0); // sentences come in order: count code points once, as we go
        foreach (var sentence in Sentences.Split(text))
        {
            var s = sentence.Of(text);
            if (!IsClaim(s)) continue;
            points += Annotations.CodePointText.CodePoint(text[utf16..sentence.Start], sentence.Start - utf16);
            utf16 = sentence.Start;
            found.Add(new CandidateClaim(s, points, points + Annotations.CodePointText.CodePoint(s, s.Length)));
        }
        return found;
    }

    /// <summary>True when the sentence asserts something specific enough to check.</summary>
    public static bool IsClaim(string sentence)
    {
        var words = Words(sentence);
        if (words.Count < 5 || words.Count > 80) return false;
        if (sentence.TrimEnd('"', '”', '\'', ')').EndsWith('?') || sentence.EndsWith(':')) return false;
        if (Boilerplate().IsMatch(sentence)) return false;

        var lower = sentence.ToLowerInvariant();
        var attributed = words.Any(w => Attribution.Contains(w)) || Has(lower, AttributionPhrases);
        var score = 0;
        if (attributed) score += 3; // a statement someone made is checkable by itself
        if (words.Any(w => Action.Contains(w)) || Has(lower, ActionPhrases)) score += 2;
        if (sentence.Any(char.IsAsciiDigit) || words.Any(w => Figure.Contains(w)) || Has(lower, FigurePhrases)) score += 1;
        if (Name().IsMatch(sentence)) score += 1;
        // Reported speech keeps its modal verbs ("said it would appeal"); only the writer's own hedges count against.
        if (!attributed && (words.Any(w => Hedge.Contains(w) || w == "may") || Has(lower, HedgePhrases))) score -= 2;
        return score >= 3;
    }

    /// <summary>Runs of letters, digits and apostrophes, as written (sets compare ignoring case where it does not matter).</summary>
    static List<string> Words(string sentence)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= sentence.Length; i++)
        {
            var inWord = i < sentence.Length && (char.IsLetterOrDigit(sentence[i]) || sentence[i] == '\'');
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(sentence[start..i]);
                start = -1;
            }
        }
        return words;
    }

    static bool Has(string lower, string[] phrases)
    {
        foreach (var p in phrases)
        {
            for (var at = lower.IndexOf(p, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(p, at + 1, StringComparison.Ordinal))
            {
                // Whole words only.
                var before = at == 0 || !char.IsLetterOrDigit(lower[at - 1]);
                var after = at + p.Length == lower.Length || !char.IsLetterOrDigit(lower[at + p.Length]);
                if (before && after) return true;
            }
        }
        return false;
    }

    static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.OrdinalIgnoreCase);
}
