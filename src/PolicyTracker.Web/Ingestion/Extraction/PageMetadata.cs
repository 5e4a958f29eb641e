using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PolicyTracker.Web.Ingestion.Extraction;

/// <summary>
/// What a page says about itself, in order of trust: JSON-LD article data, then Dublin Core,
/// OpenGraph, Twitter, Parse.ly and plain meta tags, then the page's title element.
/// </summary>
sealed partial record PageMetadata(string? Title, string? Byline, string? Excerpt, string? SiteName, string? PublishedTime, string? Lang, string? CanonicalUrl)
{
    /// <summary>Reads the metadata of <paramref name="document"/>; <paramref name="ld"/> is its JSON-LD article, if any.</summary>
    public static PageMetadata Read(IDocument document, JsonLdArticle? ld)
    {
        var values = MetaValues(document);
        string? V(params string[] keys) => keys.Select(k => values.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        var site = ld?.Publisher ?? V("og:site_name");
        var title = ld?.Title ?? V("dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title")
            ?? PageTitle.Of(document, site);
        // article:author is often a profile address rather than a name.
        var articleAuthor = values.GetValueOrDefault("article:author") is { } a && !Uri.TryCreate(a, UriKind.Absolute, out _) ? a : null;
        var byline = ld?.Byline ?? V("dc:creator", "dcterm:creator", "author", "parsely-author") ?? articleAuthor;
        var excerpt = ld?.Description ?? V("dc:description", "dcterm:description", "og:description", "weibo:article:description", "weibo:webpage:description", "description", "twitter:description");
        var published = ld?.DatePublished ?? V("article:published_time", "parsely-pub-date");
        var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? V("og:url");
        return new PageMetadata(Clean(title), Clean(byline), Clean(excerpt), Clean(site), Clean(published),
            Clean(document.DocumentElement.GetAttribute("lang")), canonical?.Trim());
    }

    // Values are often double-escaped ("&amp;amp;"): decode what the parser left as entities.
    static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : WebUtility.HtmlDecode(BadCodePoint().Replace(value.Trim(), "\uFFFD")).Trim();

    static Dictionary<string, string> MetaValues(IDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var meta in document.GetElementsByTagName("meta"))
        {
            var content = meta.GetAttribute("content")?.Trim();
            if (string.IsNullOrEmpty(content)) continue;
            var matched = false;
            if (meta.GetAttribute("property") is { } property)
            {
                // One tag may carry several properties ("dc:title og:title").
                foreach (Match m in PropertyName().Matches(property))
                {
                    values[Regex.Replace(m.Value, @"\s", "").ToLowerInvariant()] = content;
                    matched = true;
                }
            }
            if (!matched && meta.GetAttribute("name") is { } name && MetaName().IsMatch(name))
                values[Regex.Replace(name, @"\s", "").ToLowerInvariant().Replace('.', ':')] = content;
        }
        return values;
    }

    // A numeric reference to no character (zero, a surrogate, beyond U+10FFFF) reads as the replacement character, as in HTML.
    [GeneratedRegex(@"&#(0+|x0+|x0*[dD][89a-fA-F][0-9a-fA-F]{2}|x0*[0-9a-fA-F]{7,}|x0*1[1-9a-fA-F][0-9a-fA-F]{4}|0*\d{8,}|0*(111[4-9]\d{3}|11[2-9]\d{4}|1[2-9]\d{5}|[2-9]\d{6}));")]
    private static partial Regex BadCodePoint();

    [GeneratedRegex(@"\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex PropertyName();

    [GeneratedRegex(@"^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-\.:]\s*)?(author|creator|pub-date|description|title|site_name)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MetaName();
}
