using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PolicyTracker.Web.Ingestion.Extraction;

/// <summary>Small DOM operations the extractor repeats: text, link density, document-order walking, renaming.</summary>
static partial class Dom
{
    /// <summary>Block-level children that stop a div from being read as one paragraph.</summary>
    public static readonly HashSet<string> BlockChildren = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"];

    static readonly HashSet<string> Phrasing =
    [
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i", "img",
        "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q", "ruby", "samp",
        "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr",
    ];

    /// <summary>The trimmed text of <paramref name="node"/>, runs of whitespace collapsed unless asked not to.</summary>
    public static string Text(INode node, bool collapse = true)
    {
        var text = (node.TextContent ?? "").Trim();
        return collapse ? Spaces().Replace(text, " ") : text;
    }

    /// <summary>How much of the element's text sits in links (in-page anchors count a third).</summary>
    public static double LinkDensity(IElement element) => LinkDensity(element, Text(element).Length);

    /// <summary>The link density of an element whose text length is already known.</summary>
    public static double LinkDensity(IElement element, int length)
    {
        if (length == 0) return 0;
        double links = 0;
        foreach (var a in element.GetElementsByTagName("a"))
        {
            var href = a.GetAttribute("href");
            links += Text(a).Length * (href is { Length: > 1 } && href[0] == '#' ? 0.3 : 1);
        }
        return links / length;
    }

    /// <summary>The share of the element's text that lies inside descendants with the given tags.</summary>
    public static double TextDensity(IElement element, IReadOnlyCollection<string> tags)
    {
        var length = Text(element).Length;
        if (length == 0) return 0;
        var inside = element.Descendants<IElement>().Where(e => tags.Contains(e.LocalName)).Sum(e => Text(e).Length);
        return (double)inside / length;
    }

    /// <summary>The next element in document order, skipping the children of <paramref name="node"/> when asked.</summary>
    public static IElement? Next(IElement node, bool skipChildren = false)
    {
        if (!skipChildren && node.FirstElementChild is { } first) return first;
        if (node.NextElementSibling is { } sibling) return sibling;
        for (var parent = node.ParentElement; parent is not null; parent = parent.ParentElement)
            if (parent.NextElementSibling is { } next) return next;
        return null;
    }

    /// <summary>Removes the element and returns the one that followed it.</summary>
    public static IElement? RemoveAndNext(IElement node)
    {
        var next = Next(node, skipChildren: true);
        node.Remove();
        return next;
    }

    /// <summary>Up to <paramref name="depth"/> ancestors, nearest first (0 = all).</summary>
    public static List<IElement> Ancestors(IElement node, int depth = 0)
    {
        var list = new List<IElement>();
        for (var p = node.ParentElement; p is not null; p = p.ParentElement)
        {
            list.Add(p);
            if (depth > 0 && list.Count == depth) break;
        }
        return list;
    }

    /// <summary>True when an ancestor within <paramref name="depth"/> levels (0 = any) has the tag and passes the filter.</summary>
    public static bool HasAncestor(IElement node, string tag, int depth = 3, Func<IElement, bool>? filter = null)
    {
        var level = 0;
        for (var p = node.ParentElement; p is not null; p = p.ParentElement, level++)
        {
            if (depth > 0 && level > depth) return false;
            if (p.LocalName == tag && (filter is null || filter(p))) return true;
        }
        return false;
    }

    /// <summary>Replaces the element by one with another tag holding the same children and attributes.</summary>
    public static IElement Rename(IElement node, string tag)
    {
        var replacement = node.Owner!.CreateElement(tag);
        while (node.FirstChild is { } child) replacement.AppendChild(child);
        foreach (var attribute in node.Attributes.ToList())
        {
            try { replacement.SetAttribute(attribute.Name, attribute.Value); }
            catch (DomException) { /* a name the DOM refuses to set again; presentation only */ }
        }
        node.Parent?.ReplaceChild(replacement, node);
        return replacement;
    }

    /// <summary>Text, or an element that flows inside a paragraph.</summary>
    public static bool IsPhrasing(INode node) =>
        node.NodeType == NodeType.Text
        || node is IElement e && (Phrasing.Contains(e.LocalName)
            || e.LocalName is "a" or "del" or "ins" && e.ChildNodes.All(IsPhrasing));

    /// <summary>Whitespace text or a line break.</summary>
    public static bool IsWhitespace(INode node) =>
        node.NodeType == NodeType.Text && string.IsNullOrWhiteSpace(node.TextContent) || node is IElement { LocalName: "br" };

    /// <summary>True when the element's only child is one <paramref name="tag"/> element and no text stands beside it.</summary>
    public static bool HasSingleChild(IElement element, string tag) =>
        element.ChildElementCount == 1 && element.FirstElementChild!.LocalName == tag
        && !element.ChildNodes.Any(n => n.NodeType == NodeType.Text && !string.IsNullOrWhiteSpace(n.TextContent));

    /// <summary>True when a descendant is a block that keeps a div a div.</summary>
    public static bool HasBlockChild(IElement element) =>
        element.Children.Any(c => BlockChildren.Contains(c.LocalName) || HasBlockChild(c));

    /// <summary>An element holding no text and nothing but line breaks and rules.</summary>
    public static bool IsEmpty(IElement node) =>
        !HasText(node)
        && (node.ChildElementCount == 0 || node.ChildElementCount == node.GetElementsByTagName("br").Length + node.GetElementsByTagName("hr").Length);

    /// <summary>True when any text below <paramref name="node"/> is more than whitespace (stops at the first).</summary>
    public static bool HasText(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t ? !string.IsNullOrWhiteSpace(t.Data) : child is IElement && HasText(child)) return true;
        }
        return false;
    }

    /// <summary>False for elements the page hides (display none, hidden, aria-hidden).</summary>
    public static bool IsVisible(IElement node)
    {
        var style = node.GetAttribute("style");
        if (style is not null && (DisplayNone().IsMatch(style) || VisibilityHidden().IsMatch(style))) return false;
        if (node.HasAttribute("hidden")) return false;
        // Some sites mark the fallback image of a lazy loader aria-hidden; it is still the picture.
        return node.GetAttribute("aria-hidden") != "true" || (node.ClassName ?? "").Contains("fallback-image", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(^|;)\s*display\s*:\s*none", RegexOptions.IgnoreCase)]
    private static partial Regex DisplayNone();

    [GeneratedRegex(@"(^|;)\s*visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex VisibilityHidden();
}
