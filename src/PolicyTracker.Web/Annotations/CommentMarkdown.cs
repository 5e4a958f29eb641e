using Ganss.Xss;
using Markdig;

namespace PolicyTracker.Web.Annotations;

/// <summary>Renders a comment's Markdown to HTML that is safe to put in anyone's page: raw HTML is shown as text, and the result is sanitized.</summary>
public static class CommentMarkdown
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras().Build();
    static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Sanitized HTML for <paramref name="markdown"/>.</summary>
    public static string Render(string markdown) =>
        markdown.Length == 0 ? "" : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline)).Trim();

    static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        var sanitizer = new HtmlSanitizer(options);
        // Links in comments lead away from the app: no referrer, no opener, no endorsement.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } a) a.SetAttribute("rel", "noopener noreferrer nofollow ugc");
        };
        return sanitizer;
    }
}
