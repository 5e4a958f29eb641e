using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Loads feed text into an element tree: strictly first, then with entities repaired, then leniently.</summary>
static partial class FeedXml
{
    const string FlattenedRepair = "markup nested too deeply was flattened to text";

    /// <summary>The root element, or null when the text holds no element at all.</summary>
    public static XElement? Load(string text, List<string> repairs)
    {
        if (TryStrict(text, repairs, out var root, out var error)) return root;

        var (fixedText, entities) = EntityRepair.Fix(text);
        if (entities.Count > 0)
        {
            if (TryStrict(fixedText, repairs, out root, out error))
            {
                repairs.Add("undeclared entities replaced: " + string.Join(", ", entities.Take(10)));
                return root;
            }
        }

        root = Lenient(text, repairs);
        // Server warnings or HTML printed before the feed would otherwise become the root.
        if (root is not null && !IsFeedRoot(root.Name.LocalName) && FeedRootStart().Match(text) is { Success: true } start && start.Index > 0)
        {
            root = Lenient(text[start.Index..], repairs) ?? root;
            repairs.Add("text before the feed's root element was dropped");
        }
        if (root is not null) repairs.Add($"not well-formed XML ({error}); read leniently");
        return root;
    }

    /// <summary>True for the local names a feed document can have as its root.</summary>
    public static bool IsFeedRoot(string localName) =>
        localName.ToLowerInvariant() is "rss" or "feed" or "rdf" or "channel";

    static XElement? Lenient(string text, List<string> repairs)
    {
        var root = LenientXml.Parse(text, out var flattened);
        if (flattened && !repairs.Contains(FlattenedRepair)) repairs.Add(FlattenedRepair);
        return root;
    }

    static bool TryStrict(string text, List<string> repairs, out XElement? root, out string? error)
    {
        try
        {
            root = StrictXml.Read(text, out var flattened);
            if (flattened && root is not null) repairs.Add(FlattenedRepair);
            error = root is null ? "no root element" : null;
            return root is not null;
        }
        catch (XmlException e)
        {
            root = null;
            error = e.Message;
            return false;
        }
    }

    [GeneratedRegex(@"<(?:rss|feed|(?:[A-Za-z][\w.-]*:)?RDF)[\s>]")]
    private static partial Regex FeedRootStart();
}
