using System.Text.RegularExpressions;
using PolicyTracker.Web.Provenance;

namespace PolicyTracker.Web.Claims;

/// <summary>A sentence suggested as a claim: verbatim text and its code-point span in the canonical text.</summary>
public sealed record CandidateClaim(string Exact, int Start, int End);

/// <summary>
/// Finds sentences that assert something checkable: attributed statements, actions of named
/// people and organisations, figures and dates. Questions, opinion, speculation and disclaimers
/// are left out. Pure and thread-safe, so ingest runs it in its parallel prepare step.
/// </summary>
public static partial class ClaimFinder
{
    // Reporting verbs and phrases: someone said or showed something.
    [GeneratedRegex(@"\b(said|says|told|wrote|write|writes|according to|confirmed|announced|stated|disclosed|denied|reported|found|showed|estimated|recommended|warned|argued|accused)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    // Things named entities do that can be checked.
    [GeneratedRegex(@"\b(asked|requested|signed|released|restricted|approved|fined|voted|passed|launched|published|suspended|registered|organi[sz]ed|blamed|left|set|sets|asks|commits|applies|adds|removes|accounted for|numbered|had run|ran|runs|due (?:in|by|on)|withdrew|withdrawn|appointed|blocked|paused|agreed|awarded|opened|ordered|postponed|delayed|banned|issued|adopted|granted|hired|reversed|stopped|rose|fell|questioned|declined|introduced|filed|sued|acquired|submitted|rejected|removed|required|requires|expires|covers|contains|takes effect|took effect|came into force|must|is limited to|carry|carries)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Action();

    // Figures, amounts, percentages and dates.
    [GeneratedRegex(@"\d|\b(percent|per cent|million|billion|thousand|dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|half|third|quarter|first|second|ninth|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|unanimously)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Figure();

    // Words of speculation, judgement and address to the reader: the writer's voice, not a fact.
    [GeneratedRegex(@"\b((?-i:may)|might|could|should|would|perhaps|probably|expect|hope|seems?|likely|it is time|watching|remains? (?:an? )?(?:open|unclear)|too (?:early|small|large)|deserves?|worth|I|we|you|our)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hedge();

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
            points += CodePoints.Offset(text[utf16..sentence.Start], sentence.Start - utf16);
            utf16 = sentence.Start;
            found.Add(new CandidateClaim(s, points, points + CodePoints.Offset(s, s.Length)));
        }
        return found;
    }

    /// <summary>True when the sentence asserts something specific enough to check.</summary>
    public static bool IsClaim(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words < 5 || words > 80) return false;
        if (sentence.TrimEnd('"', '”', '\'', ')').EndsWith('?') || sentence.EndsWith(':')) return false;
        if (Boilerplate().IsMatch(sentence)) return false;

        var score = 0;
        if (Attribution().IsMatch(sentence)) score += 3; // a statement someone made is checkable by itself
        if (Action().IsMatch(sentence)) score += 2;
        if (Figure().IsMatch(sentence)) score += 1;
        if (Name().IsMatch(sentence)) score += 1;
        // Reported speech keeps its modal verbs ("said it would appeal"); only the writer's own hedges count against.
        if (Hedge().IsMatch(sentence) && !Attribution().IsMatch(sentence)) score -= 2;
        return score >= 3;
    }
}
