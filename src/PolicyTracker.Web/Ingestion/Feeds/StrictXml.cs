using System.Xml;
using System.Xml.Linq;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Reads well-formed XML into elements, keeping nesting within <see cref="MaxDepth"/>.</summary>
static class StrictXml
{
    /// <summary>Feeds are shallow; deeper markup is flattened into text because LINQ to XML pays for every ancestor on each insert.</summary>
    public const int MaxDepth = 256;

    static readonly XmlReaderSettings Settings = new()
    {
        // Internal DTD subsets declare entities that real feeds use; nothing external is ever fetched.
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = null,
        MaxCharactersFromEntities = 1_000_000,
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The root element; throws <see cref="XmlException"/> when the text is not well-formed.</summary>
    public static XElement? Read(string text, out bool flattened)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings);
        var open = new Stack<XElement>();
        XElement? root = null;
        var skippedDepth = 0;
        flattened = false;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when open.Count >= MaxDepth:
                    flattened = true;
                    if (!reader.IsEmptyElement) skippedDepth++;
                    break;
                case XmlNodeType.Element:
                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    CopyAttributes(reader, element);
                    if (open.Count > 0) open.Peek().Add(element);
                    else root ??= element;
                    if (!reader.IsEmptyElement) open.Push(element);
                    break;
                case XmlNodeType.EndElement:
                    if (skippedDepth > 0) skippedDepth--;
                    else open.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when open.Count > 0:
                    open.Peek().Add(new XText(reader.Value));
                    break;
                case XmlNodeType.CDATA when open.Count > 0:
                    open.Peek().Add(skippedDepth > 0 ? new XText(reader.Value) : new XCData(reader.Value));
                    break;
            }
        }
        return root;
    }

    static void CopyAttributes(XmlReader reader, XElement element)
    {
        if (!reader.MoveToFirstAttribute()) return;
        do
        {
            var name = reader.NamespaceURI == XNamespace.Xmlns.NamespaceName
                ? (reader.Prefix.Length == 0 ? XName.Get("xmlns") : XNamespace.Xmlns + reader.LocalName)
                : XName.Get(reader.LocalName, reader.NamespaceURI);
            if (element.Attribute(name) is null) element.Add(new XAttribute(name, reader.Value));
        }
        while (reader.MoveToNextAttribute());
        reader.MoveToElement();
    }
}
