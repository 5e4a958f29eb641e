using System.Text;
using System.Xml.Linq;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Serializes inline XML content (Atom xhtml, RSS naked markup) as an HTML fragment without namespace clutter.</summary>
static class Xhtml
{
    static readonly HashSet<string> VoidElements = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

    /// <summary>The markup inside the element, unwrapping the single xhtml div that Atom requires around it.</summary>
    public static string SerializeContent(XElement element)
    {
        var nodes = element.Nodes().ToList();
        var significant = nodes.Where(n => n is not XText t || !string.IsNullOrWhiteSpace(t.Value)).ToList();
        if (significant is [XElement { Name.LocalName: "div" } wrapper]) nodes = wrapper.Nodes().ToList();
        var output = new StringBuilder();
        foreach (var node in nodes) Write(node, output);
        return output.ToString().Trim();
    }

    static void Write(XNode node, StringBuilder output)
    {
        switch (node)
        {
            case XCData cdata:
                output.Append(Markup.TextToHtml(cdata.Value));
                break;
            case XText text:
                output.Append(Markup.TextToHtml(text.Value));
                break;
            case XElement element:
                WriteElement(element, output);
                break;
        }
    }

    static void WriteElement(XElement element, StringBuilder output)
    {
        var name = element.Name.LocalName;
        output.Append('<').Append(name);
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration) continue;
            var attributeName = attribute.Name.Namespace == XNamespace.Xml ? "xml:" + attribute.Name.LocalName : attribute.Name.LocalName;
            output.Append(' ').Append(attributeName).Append("=\"")
                .Append(Markup.TextToHtml(attribute.Value).Replace("\"", "&quot;", StringComparison.Ordinal)).Append('"');
        }
        if (!element.Nodes().Any() && VoidElements.Contains(name.ToLowerInvariant()))
        {
            output.Append(" />");
            return;
        }
        output.Append('>');
        foreach (var child in element.Nodes()) Write(child, output);
        output.Append("</").Append(name).Append('>');
    }
}
