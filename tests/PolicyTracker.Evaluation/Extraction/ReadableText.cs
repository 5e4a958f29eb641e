using System.Text;
using AngleSharp.Dom;

namespace PolicyTracker.Evaluation.Extraction;

/// <summary>
/// The text a reader sees in expected HTML: like textContent, but a line break or a block
/// boundary separates words (textContent would glue "one&lt;br&gt;two" into one token).
/// Not sanitized, so whatever the app's sanitizer drops from our side counts as missing.
/// </summary>
static class ReadableText
{
    static readonly HashSet<string> Blocks = ["p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "hr", "address", "details", "summary"];

    /// <summary>The text of <paramref name="root"/> with breaks between blocks.</summary>
    public static string Of(INode? root)
    {
        var text = new StringBuilder();
        if (root is not null) Append(root, text);
        return text.ToString();
    }

    static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) text.Append(t.Data);
            else if (child is IElement e)
            {
                if (e.LocalName is "script" or "style" or "template") continue;
                var block = Blocks.Contains(e.LocalName) || e.LocalName == "br";
                if (block) text.Append('\n');
                Append(e, text);
                if (block) text.Append('\n');
            }
        }
    }
}
