using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// Reads one web page into a draft: metadata from JSON-LD, OpenGraph and meta tags, then the
/// page itself, and the body from the article element (or the main content) without page chrome.
/// </summary>
public static class PageReader
{
    static readonly string[] Chrome = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "template", "svg", "button", "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[aria-hidden=true]"];

    /// <summary>The article in <paramref name="html"/>; throws <see cref="FormatException"/> when the page holds no article text.</summary>
    public static ArticleDraft Read(string html, Uri pageUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        var ld = JsonLdArticle(document);
        var title = First(ld?.Headline, Meta(document, "og:title"), Meta(document, "twitter:title"), document.QuerySelector("h1")?.TextContent, document.Title);
        if (string.IsNullOrWhiteSpace(title)) throw new FormatException("The page has no title.");

        var body = document.QuerySelector("[itemprop=articleBody]") ?? document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        if (body is null) throw new FormatException("The page has no body.");
        var isArticle = body.LocalName is "article" or "main" || body.HasAttribute("itemprop");
        foreach (var chrome in body.QuerySelectorAll(string.Join(',', Chrome)).ToList())
        {
            // Inside the article, a footer or aside of prose (an author's note, a correction, an
            // AI disclosure) belongs to the story; one made of links is a widget.
            if (isArticle && chrome.LocalName is "footer" or "aside" && IsProseNote(chrome)) continue;
            chrome.Remove();
        }
        // The title is shown above the body; do not repeat it inside.
        if (body.QuerySelector("h1") is { } h1 && h1.TextContent.Trim() == title.Trim()) h1.Remove();
        if (body.TextContent.Trim().Length < 40) throw new FormatException("The page holds no article text.");

        var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        var url = canonical is not null && Uri.TryCreate(pageUrl, canonical, out var c) && c.Scheme.StartsWith("http") ? c : pageUrl;
        return new ArticleDraft(
            title.Trim(), body.InnerHtml, ContentType.Html,
            Url: url.ToString(),
            SourceName: First(ld?.Publisher, Meta(document, "og:site_name")),
            Author: First(ld?.Author, Meta(document, "author"), Meta(document, "article:author"), document.QuerySelector("[rel=author]")?.TextContent),
            PublishedAt: Date(First(ld?.DatePublished, Meta(document, "article:published_time"), Meta(document, "date"),
                document.QuerySelector("time[datetime]")?.GetAttribute("datetime"))));
    }

    static bool IsProseNote(AngleSharp.Dom.IElement element)
    {
        var text = element.TextContent.Trim();
        if (text.Length is 0 or > 800) return false;
        var linkText = element.QuerySelectorAll("a").Sum(a => a.TextContent.Trim().Length);
        return linkText < text.Length * 0.3 && element.QuerySelector("ul a, ol a, nav, form") is null;
    }

    static string? Meta(IDocument document, string name) =>
        document.QuerySelectorAll("meta").FirstOrDefault(m =>
            string.Equals(m.GetAttribute("property"), name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))?.GetAttribute("content");

    static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    static DateTime? Date(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d.UtcDateTime : null;

    sealed record LdArticle(string? Headline, string? Author, string? Publisher, string? DatePublished);

    static LdArticle? JsonLdArticle(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent);
                foreach (var node in Nodes(json.RootElement))
                {
                    if (node.TryGetProperty("@type", out var type) && type.ToString().Contains("Article", StringComparison.Ordinal))
                        return new LdArticle(Text(node, "headline"), Name(node, "author"), Name(node, "publisher"), Text(node, "datePublished"));
                }
            }
            catch (JsonException)
            {
                // A broken JSON-LD block is common; the other metadata still applies.
            }
        }
        return null;
    }

    static IEnumerable<JsonElement> Nodes(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Array => root.EnumerateArray(),
        JsonValueKind.Object when root.TryGetProperty("@graph", out var graph) && graph.ValueKind == JsonValueKind.Array => graph.EnumerateArray(),
        JsonValueKind.Object => [root],
        _ => [],
    };

    static string? Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static string? Name(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var v)) return null;
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        if (v.ValueKind == JsonValueKind.Array) v = v.EnumerateArray().FirstOrDefault();
        return v.ValueKind == JsonValueKind.Object ? Text(v, "name") : null;
    }
}
