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

    /// <summary>Snippets for <paramref name="query"/> (rewritten, so wildcards are their terms), marking its terms in <paramref name="field"/>.</summary>
    public Snippets(Query query, string field) =>
        terms = [.. QueryTermExtractor.GetTerms(query, false, field).Select(t => t.Term)];

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
        using var tokens = analyzer.GetTokenStream(field, text);
        var term = tokens.AddAttribute<ICharTermAttribute>();
        var offsets = tokens.AddAttribute<IOffsetAttribute>();
        tokens.Reset();
        while (tokens.IncrementToken())
        {
            var value = term.ToString();
            if (terms.Contains(value))
            {
                found.Add((offsets.StartOffset, offsets.EndOffset, value));
                seen.Add(value);
            }
            // Stop once a passage can hold every term, or the budget is spent with something found.
            if (seen.Count == terms.Count && offsets.EndOffset > found[0].Item1 + Width) break;
            if (offsets.EndOffset > ScanBudget && found.Count > 0 && offsets.EndOffset > found[^1].Item2 + Width) break;
        }
        tokens.End();
        return found;
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
