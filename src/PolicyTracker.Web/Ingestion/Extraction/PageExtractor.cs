using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PolicyTracker.Web.Ingestion.Extraction;

/// <summary>An article read out of a web page: its content (HTML, not yet sanitized) and its metadata.</summary>
public sealed record ExtractedPage(
    string? Title, string? Byline, string? Excerpt, string? SiteName, string? Lang,
    string? PublishedTime, DateTime? PublishedAt, Uri? CanonicalUrl, string ContentHtml, string ContentText);

/// <summary>Extracts the article from a page: metadata in order of trust, then the main content without page chrome.</summary>
public static class PageExtractor
{
    static readonly HtmlParser Parser = new();

    /// <summary>The article in <paramref name="html"/>, or null when the page holds no text.</summary>
    public static ExtractedPage? Extract(string html, Uri pageUrl)
    {
        var document = Parser.ParseDocument(html);
        var ld = JsonLdArticle.Find(document);
        Prepare(document);

        var meta = PageMetadata.Read(document, ld);
        var pageDate = meta.PublishedTime is null ? Dates.FromPage(document) : null;
        var finder = new ContentFinder(document, () => Prepare(Parser.ParseDocument(html)), meta.Title);
        var content = finder.Find();
        if (content is null) return null;

        KeepForSanitizer(content);
        var byline = meta.Byline ?? finder.Byline;
        var excerpt = meta.Excerpt ?? (content.QuerySelector("p") is { } first ? first.TextContent.Trim() : null);
        var canonical = meta.CanonicalUrl is { } c && Uri.TryCreate(pageUrl, c, out var u) && u.Scheme is "http" or "https" ? u : null;
        return new ExtractedPage(meta.Title, byline, excerpt, meta.SiteName, meta.Lang, meta.PublishedTime,
            Dates.Parse(meta.PublishedTime) ?? pageDate, canonical, content.InnerHtml, content.TextContent);
    }

    // Scripts and styles go; double line breaks become paragraphs; font tags become spans.
    static IDocument Prepare(IDocument document)
    {
        foreach (var e in document.QuerySelectorAll("script, noscript, style, template").ToList()) e.Remove();
        if (document.Body is { } body) LineBreaks.ToParagraphs(body);
        foreach (var font in document.GetElementsByTagName("font").ToList()) Dom.Rename(font, "span");
        return document;
    }

    // The sanitizer drops custom elements and MathML with everything inside them; their text is
    // article text (a formula, a web component's paragraphs), so it is kept as plain content.
    static void KeepForSanitizer(IElement content)
    {
        foreach (var custom in content.Descendants<IElement>().Where(e => e.LocalName.Contains('-')).Reverse().ToList())
        {
            while (custom.FirstChild is { } child) custom.Parent!.InsertBefore(child, custom);
            custom.Remove();
        }
        foreach (var math in content.QuerySelectorAll("math").ToList()) math.Replace(content.Owner!.CreateTextNode(math.TextContent));
    }
}
