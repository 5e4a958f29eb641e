using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Loads feed text into an element tree: strictly first, then with entities repaired, then leniently.</summary>
static partial class FeedXml
{
    // Feeds are shallow; anything deeper is hostile or broken, and recursive walks would exhaust the stack.
    const int MaxDepth = 256;

    /// <summary>The root element, or null when the text holds no element at all.</summary>
    public static XElement? Load(string text, List<string> repairs)
    {
        var root = LoadUnbounded(text, repairs);
        if (root is not null) LimitDepth(root, repairs);
        return root;
    }

    static void LimitDepth(XElement root, List<string> repairs)
    {
        var pending = new Stack<(XElement Element, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (element, depth) = pending.Pop();
            if (depth < MaxDepth)
            {
                foreach (var child in element.Elements()) pending.Push((child, depth + 1));
                continue;
            }
            if (!element.HasElements) continue;
            // DescendantNodes walks iteratively, so flattening cannot overflow however deep the markup goes.
            element.ReplaceNodes(new XText(string.Concat(element.DescendantNodes().OfType<XText>().Select(t => t.Value))));
            if (!repairs.Contains("markup nested too deeply was flattened to text")) repairs.Add("markup nested too deeply was flattened to text");
        }
    }

    static XElement? LoadUnbounded(string text, List<string> repairs)
    {
        if (TryStrict(text, out var root, out _)) return root;

        var (fixedText, entities) = EntityRepair.Fix(text);
        if (entities.Count > 0 && TryStrict(fixedText, out root, out _))
        {
            repairs.Add("undeclared entities replaced: " + string.Join(", ", entities.Take(10)));
            return root;
        }

        TryStrict(fixedText, out _, out var error);
        root = LenientXml.Parse(text);
        // Server warnings or HTML printed before the feed would otherwise become the root.
        if (root is not null && !IsFeedRoot(root.Name.LocalName) && FeedRootStart().Match(text) is { Success: true } start && start.Index > 0)
        {
            root = LenientXml.Parse(text[start.Index..]) ?? root;
            repairs.Add("text before the feed's root element was dropped");
        }
        if (root is not null) repairs.Add($"not well-formed XML ({error}); read leniently");
        return root;
    }

    /// <summary>True for the local names a feed document can have as its root.</summary>
    public static bool IsFeedRoot(string localName) =>
        localName.ToLowerInvariant() is "rss" or "feed" or "rdf" or "channel";

    [GeneratedRegex(@"<(?:rss|feed|(?:[A-Za-z][\w.-]*:)?RDF)[\s>]")]
    private static partial Regex FeedRootStart();

    static bool TryStrict(string text, out XElement? root, out string? error)
    {
        var settings = new XmlReaderSettings
        {
            // Internal DTD subsets declare entities that real feeds use; nothing external is ever fetched.
            DtdProcessing = DtdProcessing.Parse,
            XmlResolver = null,
            MaxCharactersFromEntities = 1_000_000,
            CheckCharacters = false,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            root = XDocument.Load(reader, LoadOptions.PreserveWhitespace).Root;
            error = null;
            return root is not null;
        }
        catch (XmlException e)
        {
            root = null;
            error = e.Message;
            return false;
        }
    }
}
