using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PolicyTracker.Web.Ingestion.Extraction;

/// <summary>The article's title from the page's title element, without the site's name around it.</summary>
static partial class PageTitle
{
    /// <summary>The title element's text, trimmed of a "Site | Section" part where that leaves a real headline.</summary>
    public static string? Of(IDocument document, string? siteName = null)
    {
        var original = Dom.Text(document.QuerySelector("title") ?? (INode)document.CreateTextNode(""), collapse: false);
        if (WithoutSiteName(original, siteName) is { } headline) return headline;
        var title = original;
        var hierarchical = false;
        if (Separator().IsMatch(title))
        {
            hierarchical = HierarchicalSeparator().IsMatch(title);
            // Keep what precedes the last separator; if that is too short, what follows the first.
            title = original[..Separator().Matches(original)[^1].Index];
            if (Words(title) < 3) title = LeadingPart().Replace(original, "", 1);
        }
        else if (title.Contains(": ", StringComparison.Ordinal))
        {
            // "Site: Headline", unless a heading shows the whole thing is the headline.
            var whole = title.Trim();
            if (!document.QuerySelectorAll("h1, h2").Any(h => h.TextContent.Trim() == whole))
            {
                title = original[(original.LastIndexOf(':') + 1)..];
                if (Words(title) < 3) title = original[(original.IndexOf(':') + 1)..];
                else if (Words(original[..original.IndexOf(':')]) > 5) title = original;
            }
        }
        else if (title.Length is > 150 or < 15 && document.GetElementsByTagName("h1") is { Length: 1 } h1)
        {
            title = Dom.Text(h1[0]);
        }
        title = Spaces().Replace(title.Trim(), " ");
        var words = Words(title);
        // Too short to be the headline: the cut removed too much.
        if (words <= 4 && (!hierarchical || words != Words(SeparatorRun().Replace(original, "")) - 1)) title = original;
        return string.IsNullOrWhiteSpace(title) ? null : title;
    }

    // "Headline | Site" or "Site - Headline" where the site is named in the metadata: the rest is the headline, however short.
    static string? WithoutSiteName(string title, string? siteName)
    {
        if (string.IsNullOrWhiteSpace(siteName)) return null;
        foreach (Match m in Separator().Matches(title))
        {
            var before = title[..m.Index].Trim();
            var after = title[(m.Index + m.Length)..].Trim();
            if (after.Equals(siteName.Trim(), StringComparison.OrdinalIgnoreCase) && before.Length > 0) return Spaces().Replace(before, " ");
            if (before.Equals(siteName.Trim(), StringComparison.OrdinalIgnoreCase) && after.Length > 0) return Spaces().Replace(after, " ");
        }
        return null;
    }

    /// <summary>How alike two titles are: the share of <paramref name="b"/>'s token text also found in <paramref name="a"/>.</summary>
    public static double Similarity(string a, string b)
    {
        // A heading that is most of the title is the title (also in scripts written without spaces).
        var plainA = Regex.Replace(a.Trim().ToLowerInvariant(), @"\s+", " ");
        var plainB = Regex.Replace(b.Trim().ToLowerInvariant(), @"\s+", " ");
        if (plainB.Length * 2 >= plainA.Length && plainA.Contains(plainB, StringComparison.Ordinal)) return 1;
        var tokensA = Tokens(a);
        var tokensB = Tokens(b);
        if (tokensA.Length == 0 || tokensB.Length == 0) return 0;
        var unique = tokensB.Where(t => !tokensA.Contains(t)).ToList();
        return 1 - (double)string.Join(' ', unique).Length / string.Join(' ', tokensB).Length;
    }

    static string[] Tokens(string s) => NonWord().Split(s.ToLowerInvariant()).Where(t => t.Length > 0).ToArray();

    static int Words(string s) => Regex.Split(s, @"\s+").Length;

    [GeneratedRegex(@" [\|\-–—\\\/>»] ")]
    private static partial Regex Separator();

    [GeneratedRegex(@" [\\\/>»] ")]
    private static partial Regex HierarchicalSeparator();

    [GeneratedRegex(@"^[^\|\-–—\\\/>»]*[\|\-–—\\\/>»]")]
    private static partial Regex LeadingPart();

    [GeneratedRegex(@"[\|\-–—\\\/>»]+")]
    private static partial Regex SeparatorRun();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[^\p{L}\p{N}_]+")]
    private static partial Regex NonWord();
}
