using AngleSharp.Dom;

namespace PolicyTracker.Web.Ingestion.Extraction;

/// <summary>Pages that separate paragraphs with two line breaks get real paragraphs, so they are scored as text.</summary>
static class LineBreaks
{
    /// <summary>Replaces each run of two or more &lt;br&gt; with a paragraph holding the inline content that follows.</summary>
    public static void ToParagraphs(IElement root)
    {
        foreach (var br in root.GetElementsByTagName("br").ToList())
        {
            if (br.Parent is null) continue;
            var next = br.NextSibling;
            var run = false;
            // Drop the rest of the run, whitespace between breaks included.
            while ((next = SkipSpace(next)) is IElement { LocalName: "br" } extra)
            {
                run = true;
                next = extra.NextSibling;
                extra.Remove();
            }
            if (!run) continue;
            var p = br.Owner!.CreateElement("p");
            br.Parent.ReplaceChild(p, br);
            next = p.NextSibling;
            while (next is not null)
            {
                // A following double break starts the next paragraph.
                if (next is IElement { LocalName: "br" } && SkipSpace(next.NextSibling) is IElement { LocalName: "br" }) break;
                if (!Dom.IsPhrasing(next)) break;
                var sibling = next.NextSibling;
                p.AppendChild(next);
                next = sibling;
            }
            while (p.LastChild is { } last && Dom.IsWhitespace(last)) last.RemoveFromParent();
            if (p.Parent is IElement { LocalName: "p" } parent) Dom.Rename(parent, "div");
        }
    }

    static INode? SkipSpace(INode? node)
    {
        while (node is not null && node.NodeType == NodeType.Text && string.IsNullOrWhiteSpace(node.TextContent)) node = node.NextSibling;
        return node;
    }
}
