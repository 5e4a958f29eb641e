using System.Net;
using System.Text;
using Markdig;

namespace PolicyTracker.Web.Ingestion;

/// <summary>Renders each content type to (untrusted) HTML, ready for <see cref="CanonicalHtml"/>.</summary>
public static class ContentFormats
{
    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseFootnotes()
        .Build();

    /// <summary>The content as HTML.</summary>
    public static string ToHtml(string content, ContentType type) => type switch
    {
        ContentType.Markdown => Markdig.Markdown.ToHtml(content, Markdown),
        ContentType.Html => content,
        _ => TextToHtml(content),
    };

    /// <summary>Parses the wire name (text, markdown, html), or null.</summary>
    public static ContentType? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "text" or "txt" or "plain" => ContentType.Text,
        "markdown" or "md" => ContentType.Markdown,
        "html" => ContentType.Html,
        _ => null,
    };

    // Blank lines separate paragraphs; single newlines inside a paragraph are kept as breaks.
    static string TextToHtml(string text)
    {
        var html = new StringBuilder();
        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>")
                .Append(string.Join("<br>", paragraph.Split('\n').Select(l => WebUtility.HtmlEncode(l.Trim()))))
                .Append("</p>\n");
        }
        return html.ToString();
    }
}
