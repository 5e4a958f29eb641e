using System.Text.RegularExpressions;

namespace PolicyTracker.Web.Provenance;

/// <summary>Finds pieces whose claims carry no attribution of any kind (the second sense of <c>unverified</c>).</summary>
public static partial class Attribution
{
    [GeneratedRegex(@"\b(said|says|(?<!\b(been|was|were|being|be|are|is|get|got) )told|tells|according to|stated|wrote|writes|confirmed|confirms|testified|cited|citing|quoted|interviewed|spokes(person|man|woman)|press release|in a (statement|letter|memo|filing|post|briefing|report)|announced (that|on|in|at)|(data|figures|numbers) (from|published|released)|(a|the|its|their) (report|study|survey|poll|filing|letter|memo|document|ruling|decision|order|notice|guidance|bill|law|regulation) (by|from|published|released|issued|says|states|shows|found)|sources?|familiar with|reportedly|i|we|my|our|me|us)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AttributionMarker();

    // Claims with no attribution at all: several sentences, and not one of them names a source,
    // cites a document or speaks in the first person (opinion). The evidence is the first claim.
    /// <summary>The first claim of a piece that attributes nothing to anyone, or null.</summary>
    public static Sentence? Unattributed(ArticleFacts facts, IReadOnlyList<Sentence> sentences, IReadOnlyList<SentenceText> forms)
    {
        if (forms.Any(f => AttributionMarker().IsMatch(f.Normalized) || f.Normalized.Contains('"'))) return null;
        var prose = Enumerable.Range(0, sentences.Count)
            .Where(i => forms[i].Normalized.Split(' ').Length >= 6)
            .Where(i => !facts.CodeRanges.Any(r => r.Start < sentences[i].Start + sentences[i].Length && sentences[i].Start < r.End))
            .ToList();
        return prose.Count >= 5 ? sentences[prose[0]] : null;
    }
}
