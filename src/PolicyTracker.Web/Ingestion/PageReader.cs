using System.Text.RegularExpressions;
using PolicyTracker.Web.Ingestion.Extraction;

namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// Reads one web page into a draft with <see cref="PageExtractor"/>: metadata from JSON-LD,
/// OpenGraph and meta tags, then the page itself, and the main content without page chrome.
/// </summary>
public static partial class PageReader
{
    /// <summary>The article in <paramref name="html"/>; throws <see cref="FormatException"/> when the page holds no article text.</summary>
    public static ArticleDraft Read(string html, Uri pageUrl)
    {
        var page = PageExtractor.Extract(html, pageUrl);
        if (page is null || page.ContentText.Trim().Length < 40) throw new FormatException("The page holds no article text.");
        if (string.IsNullOrWhiteSpace(page.Title)) throw new FormatException("The page has no title.");
        return new ArticleDraft(
            page.Title, page.ContentHtml, ContentType.Html,
            Url: (page.CanonicalUrl ?? pageUrl).ToString(),
            SourceName: page.SiteName,
            Author: Author(page.Byline),
            PublishedAt: page.PublishedAt);
    }

    // A byline shown in the page reads "By Mara Quinn"; the article's author is the name.
    static string? Author(string? byline) =>
        byline is null ? null : By().Replace(Regex.Replace(byline, @"\s+", " ").Trim(), "") is { Length: > 0 } name ? name : null;

    [GeneratedRegex(@"^by\s+", RegexOptions.IgnoreCase)]
    private static partial Regex By();
}
