using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// Turns untrusted HTML into what an article stores: sanitized HTML whose block elements are
/// separated by exactly one newline text node, and its canonical text (the DOM textContent of
/// that HTML). The page puts the HTML in the article body unchanged, so the browser's
/// textContent of the body is the canonical text and every offset agrees.
/// </summary>
public sealed class CanonicalHtml
{
    static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "aside", "nav", "main",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
        "figure", "figcaption", "hr", "address", "details", "summary",
    };

    static readonly System.Text.RegularExpressions.Regex Whitespace = new(@"\s+", System.Text.RegularExpressions.RegexOptions.Compiled);

    // Sanitize is safe to call from several threads; parsers are made per call so ingest can clean in parallel.
    readonly HtmlSanitizer sanitizer = CreateSanitizer();

    /// <summary>Sanitizes and normalizes <paramref name="html"/>; returns the stored HTML and its canonical text.</summary>
    public (string Html, string Text) Clean(string html)
    {
        // Sanitized as a DOM and normalized in place: one parse instead of parse, print and parse again.
        var body = sanitizer.SanitizeDom(html).Body!;
        Normalize(body);
        var text = body.TextContent;
        return (body.InnerHtml, text);
    }

    /// <summary>The text a browser finds in <paramref name="storedHtml"/> (used to check the round trip).</summary>
    public string TextOf(string storedHtml)
    {
        var document = new HtmlParser().ParseDocument("<!doctype html><html><body></body></html>");
        document.Body!.InnerHtml = storedHtml;
        return document.Body.TextContent;
    }

    static void Normalize(IElement container)
    {
        if (container.LocalName is "pre" or "code" or "textarea") return; // whitespace there is content
        // Runs of whitespace render as one space; the text keeps what the reader sees.
        foreach (var t in container.ChildNodes.OfType<IText>())
        {
            var data = Collapse(t.Data);
            // Space beside a block or after a line break is not rendered either.
            if (t.PreviousSibling is { } before && (IsBlock(before) || before is IElement { LocalName: "br" })) data = data.TrimStart();
            if (t.NextSibling is { } after && IsBlock(after)) data = data.TrimEnd();
            // Each change to a text node raises a DOM mutation; most nodes need none.
            if (!ReferenceEquals(data, t.Data)) t.Data = data;
        }
        var children = container.ChildNodes.ToList();
        var hasBlock = children.Any(IsBlock);
        if (hasBlock)
        {
            // Whitespace-only text between or around blocks becomes one newline between siblings.
            foreach (var node in children.Where(n => n is IText t && string.IsNullOrWhiteSpace(t.Data))) node.RemoveFromParent();
            TrimEdges(container);
            var nodes = container.ChildNodes.ToList();
            for (var i = 1; i < nodes.Count; i++)
            {
                if (IsBlock(nodes[i]) || IsBlock(nodes[i - 1]))
                    nodes[i].Parent!.InsertBefore(container.Owner!.CreateTextNode("\n"), nodes[i]);
            }
        }
        else if (container.LocalName != "body" || children.Count > 0)
        {
            TrimEdges(container);
        }
        foreach (var br in container.Children.Where(c => c.LocalName == "br").ToList())
        {
            if (br.NextSibling is not IText { Data: var d } || !d.StartsWith('\n'))
                br.Parent!.InsertBefore(container.Owner!.CreateTextNode("\n"), br.NextSibling);
        }
        foreach (var child in container.Children.ToList()) Normalize(child);
    }

    // Leading and trailing whitespace of a block's text is invisible on the page; drop it from the text too.
    static void TrimEdges(IElement element)
    {
        if (!IsBlock(element) && element.LocalName != "body") return;
        if (element.FirstChild is IText first && first.Data.TrimStart() is var head && !ReferenceEquals(head, first.Data)) first.Data = head;
        if (element.LastChild is IText last && last.Data.TrimEnd() is var tail && !ReferenceEquals(tail, last.Data)) last.Data = tail;
        foreach (var empty in element.ChildNodes.OfType<IText>().Where(t => t.Data.Length == 0).ToList()) empty.RemoveFromParent();
    }

    /// <summary>Runs of whitespace as one space; the same string when there is nothing to change.</summary>
    static string Collapse(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i])) continue;
            if (text[i] != ' ' || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))) return Whitespace.Replace(text, " ");
        }
        return text;
    }

    static bool IsBlock(INode node) => node is IElement e && Blocks.Contains(e.LocalName);

    static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) s.AllowedSchemes.Add(scheme);
        // Presentation attributes are dropped: the tracker's stylesheet decides how articles look.
        s.AllowedAttributes.Remove("style");
        s.AllowedAttributes.Remove("class");
        s.AllowedAttributes.Remove("id");
        s.AllowedTags.Remove("form");
        s.AllowedTags.Remove("input");
        s.AllowedTags.Remove("button");
        s.AllowedTags.Remove("textarea");
        s.AllowedTags.Remove("select");
        s.AllowedTags.Remove("option");
        s.AllowedCssProperties.Clear();
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } a)
            {
                a.SetAttribute("rel", "noopener noreferrer nofollow");
                a.SetAttribute("target", "_blank");
            }
        };
        return s;
    }
}
