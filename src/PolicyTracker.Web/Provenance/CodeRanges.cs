using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PolicyTracker.Web.Provenance;

/// <summary>
/// Where the article shows code or markup as text (<c>pre</c>, <c>code</c>): examples there are
/// not the article's own statements, so text rules skip them.
/// </summary>
public static class CodeRanges
{
    /// <summary>UTF-16 ranges of the stored HTML's textContent that lie inside pre or code elements.</summary>
    public static IReadOnlyList<(int Start, int End)> Find(string storedHtml)
    {
        if (!storedHtml.Contains("<pre", StringComparison.OrdinalIgnoreCase) && !storedHtml.Contains("<code", StringComparison.OrdinalIgnoreCase)) return [];
        var document = new HtmlParser().ParseDocument("<!doctype html><html><body></body></html>");
        document.Body!.InnerHtml = storedHtml;
        var ranges = new List<(int, int)>();
        var offset = 0;
        Walk(document.Body, false);
        return ranges;

        void Walk(INode node, bool inCode)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    if (inCode) ranges.Add((offset, offset + text.Data.Length));
                    offset += text.Data.Length;
                }
                else if (child is IElement element)
                {
                    Walk(element, inCode || element.LocalName is "pre" or "code");
                }
            }
        }
    }
}
