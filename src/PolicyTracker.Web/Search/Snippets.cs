using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace PolicyTracker.Web.Search;

/// <summary>
/// The passage of a hit that shows why it matched, with the query's terms in &lt;mark&gt;. Lucene's
/// highlighter analyzes and scores every token of every hit's whole text; this reads tokens only
/// until it has a passage holding every term of the query (or a budget is spent), which is
/// usually within the first paragraphs.
/// </summary>
public sealed class Snippets
{
    const int Width = 220;
    const int Lead = 60;
    const int ScanBudget = 6_000; // characters read looking for a passage holding more of the terms

    readonly HashSet<string> terms;
    readonly string[] leads;

    /// <summary>Snippets for <paramref name="query"/> (rewritten, so wildcards are their terms), marking its terms in <paramref name="field"/>.</summary>
    public Snippets(Query query, string field)
    {
        terms = [.. QueryTermExtractor.GetTerms(query, false, field).Select(t => t.Term)];
        // Stemming rewrites only a word's ending ("agencies" → "agenc", "possibility" → "possibl"), so
        // every word that matches a term begins with the term less its last two letters.
        leads = [.. terms.Select(t => t.Length > 3 ? t[..^2] : t[..Math.Min(1, t.Length)]).Where(l => l.Length > 0).Distinct()];
    }

    /// <summary>An HTML-encoded passage with matched words marked, or the text's opening when none matches.</summary>
    public string For(string text, Analyzer analyzer, string field)
    {
        var matches = terms.Count == 0 ? [] : Matches(text, analyzer, field);
        if (matches.Count == 0) return Opening(text);

        // The passage starting shortly before a match that covers the most distinct terms; the first such wins.
        var (bestStart, bestCount) = (0, -1);
        for (var i = 0; i < matches.Count; i++)
        {
            var distinct = matches.Skip(i).TakeWhile(m => m.End <= matches[i].Start + Width - Lead).Select(m => m.Term).Distinct().Count();
            if (distinct > bestCount) (bestStart, bestCount) = (i, distinct);
        }
        var start = WordStart(text, Math.Max(0, matches[bestStart].Start - Lead));
        var end = WordEnd(text, Math.Min(text.Length, start + Width));
        var html = new StringBuilder(Width + 64);
        if (start > 0) html.Append('…');
        var at = start;
        foreach (var m in matches.Where(m => m.Start >= start && m.End <= end))
        {
            html.Append(WebUtility.HtmlEncode(text[at..m.Start])).Append("<mark>").Append(WebUtility.HtmlEncode(text[m.Start..m.End])).Append("</mark>");
            at = m.End;
        }
        html.Append(WebUtility.HtmlEncode(text[at..end]));
        if (end < text.Length) html.Append('…');
        return html.ToString();
    }

    List<(int Start, int End, string Term)> Matches(string text, Analyzer analyzer, string field)
    {
        var found = new List<(int, int, string)>();
        var seen = new HashSet<string>();
        // Analyzing is most of a snippet's cost: start at the word where the first possible match begins.
        var from = FirstLead(text);
        if (from < 0) from = 0;
        while (from > 0 && !char.IsWhiteSpace(text[from - 1])) from--;
        using var tokens = analyzer.GetTokenStream(field, from == 0 ? new StringReader(text) : new StringReader(text[from..]));
        var term = tokens.AddAttribute<ICharTermAttribute>();
        var offsets = tokens.AddAttribute<IOffsetAttribute>();
        tokens.Reset();
        while (tokens.IncrementToken())
        {
            var value = term.ToString();
            var (start, end) = (from + offsets.StartOffset, from + offsets.EndOffset);
            if (terms.Contains(value))
            {
                found.Add((start, end, value));
                seen.Add(value);
            }
            // Stop once a passage can hold every term, or the budget is spent with something found.
            if (seen.Count == terms.Count && end > found[0].Item1 + Width) break;
            if (end > from + ScanBudget && found.Count > 0 && end > found[^1].Item2 + Width) break;
        }
        tokens.End();
        return found;
    }

    // Where the earliest word that could match begins (-1: none could, so read it all).
    int FirstLead(string text)
    {
        var first = -1;
        foreach (var lead in leads)
        {
            var at = text.IndexOf(lead, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (first < 0 || at < first)) first = at;
        }
        return first;
    }

    /// <summary>The text's opening, HTML-encoded, for hits matched by their title or fields alone.</summary>
    public static string Opening(string text) => WebUtility.HtmlEncode(text.Length > Width ? text[..WordEnd(text, Width)] + "…" : text);

    static int WordStart(string text, int i)
    {
        if (i == 0) return 0;
        var space = text.LastIndexOf(' ', i);
        return space < 0 || i - space > 20 ? i : space + 1;
    }

    static int WordEnd(string text, int i)
    {
        if (i >= text.Length) return text.Length;
        var space = text.IndexOf(' ', i);
        return space < 0 || space - i > 20 ? i : space;
    }
}
