using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Reads Atom text constructs and RSS text elements into <see cref="FeedText"/>, and renders them as plain text or HTML.</summary>
static partial class FeedTexts
{
    /// <summary>An Atom 1.0 / 0.3 text construct (title, subtitle, summary, content, rights), honouring type, mode and base64.</summary>
    public static FeedText? ReadAtom(XElement? element)
    {
        if (element is null) return null;
        var type = (element.Attr("type") ?? "text").ToLowerInvariant();
        var mode = element.Attr("mode")?.ToLowerInvariant();
        var hasElements = element.Elements().Any();

        if (mode == "base64" || (IsBinaryType(type) && !hasElements)) return Base64(element, type);
        if (type is "xhtml" or "application/xhtml+xml" || type.EndsWith("+xml", StringComparison.Ordinal) || type.EndsWith("/xml", StringComparison.Ordinal)
            || (mode == "xml" && hasElements) || (mode is null && hasElements && type != "html"))
            return new FeedText(Xhtml.SerializeContent(element), "xhtml");
        if (type is "html" or "text/html" || (mode == "escaped" && type != "text/plain"))
            // Elements inside type="html" are a producer's wrapper around escaped markup; their text is the HTML.
            return new FeedText(Markup.NormalizeHtml(element.Value.Trim()), "html");
        return new FeedText(element.Value.Trim(), "text");
    }

    /// <summary>An RSS element that carries HTML by convention (description, content:encoded); naked child markup is kept.</summary>
    public static FeedText? ReadRssHtml(XElement? element)
    {
        if (element is null) return null;
        if (element.Elements().Any()) return new FeedText(Xhtml.SerializeContent(element), "xhtml");
        return new FeedText(Markup.NormalizeHtml(element.Value.Trim()), "html");
    }

    /// <summary>An RSS element meant as plain text (title) that sometimes carries HTML anyway.</summary>
    public static FeedText? ReadRssText(XElement? element)
    {
        if (element is null) return null;
        if (element.Elements().Any()) return new FeedText(Xhtml.SerializeContent(element), "xhtml");
        var value = element.Value.Trim();
        return new FeedText(value, Markup.LooksLikeHtml(value) ? "html" : "text");
    }

    /// <summary>Plain text for display: markup stripped, entities decoded, whitespace collapsed.</summary>
    public static string? ToPlain(FeedText? text)
    {
        if (text is null) return null;
        var plain = text.Type == "text" ? Whitespace().Replace(text.Value, " ").Trim() : Markup.HtmlToText(text.Value);
        return plain.Length == 0 ? null : plain;
    }

    /// <summary>HTML for display: text escaped, markup kept.</summary>
    public static string? ToHtml(FeedText? text)
    {
        if (text is null || text.Value.Length == 0) return null;
        return text.Type == "text" ? Markup.TextToHtml(text.Value) : text.Value;
    }

    /// <summary>The same text with relative href/src references made absolute.</summary>
    public static FeedText? Resolve(FeedText? text, Uri? baseUri) =>
        text is null || text.Type == "text" || baseUri is null ? text : text with { Value = Markup.ResolveReferences(text.Value, baseUri) };

    static FeedText Base64(XElement element, string type)
    {
        var raw = Whitespace().Replace(element.Value, "");
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(raw));
            return new FeedText(Markup.NormalizeHtml(decoded.Trim()), type == "text/plain" ? "text" : "html");
        }
        catch (FormatException)
        {
            return new FeedText(element.Value.Trim(), "text");
        }
    }

    static bool IsBinaryType(string type) =>
        type.Contains('/') && !type.StartsWith("text/", StringComparison.Ordinal) && !type.EndsWith("xml", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
