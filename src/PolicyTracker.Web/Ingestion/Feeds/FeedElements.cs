using System.Xml.Linq;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Lookups on feed elements by short key (see <see cref="FeedNames"/>) plus xml:base resolution.</summary>
static class FeedElements
{
    /// <summary>Child elements with the given key, in document order.</summary>
    public static IEnumerable<XElement> Kids(this XElement element, string key) =>
        element.Elements().Where(e => FeedNames.HasKey(e, key));

    /// <summary>The first child element with any of the keys, by key priority.</summary>
    public static XElement? Kid(this XElement element, params string[] keys)
    {
        foreach (var key in keys)
        {
            var found = element.Kids(key).FirstOrDefault();
            if (found is not null) return found;
        }
        return null;
    }

    /// <summary>Trimmed text of the first child with any of the keys; null when missing or blank.</summary>
    public static string? KidText(this XElement element, params string[] keys)
    {
        foreach (var key in keys)
        {
            foreach (var kid in element.Kids(key))
            {
                var text = kid.Value.Trim();
                if (text.Length > 0) return text;
            }
        }
        return null;
    }

    /// <summary>An attribute value by local name, ignoring its namespace; null when blank.</summary>
    public static string? Attr(this XElement element, string localName)
    {
        var value = element.Attributes().FirstOrDefault(a => a.Name.LocalName == localName && !a.IsNamespaceDeclaration)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The base URI in force at the element: the document URL refined by every xml:base on the way down.</summary>
    public static Uri? BaseFor(this XElement element, Uri? documentUri)
    {
        var current = documentUri;
        foreach (var ancestor in element.AncestorsAndSelf().Reverse())
        {
            var declared = ancestor.Attribute(XNamespace.Xml + "base")?.Value.Trim();
            if (!string.IsNullOrEmpty(declared)) current = Combine(current, declared) ?? current;
        }
        return current;
    }

    /// <summary>Resolves a possibly relative reference; returns it unchanged when it cannot be made absolute.</summary>
    public static string? ResolveUrl(string? reference, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(reference)) return null;
        var trimmed = reference.Trim();
        if (IsAbsolute(trimmed, out _)) return trimmed;
        return Combine(baseUri, trimmed)?.AbsoluteUri ?? trimmed;
    }

    static Uri? Combine(Uri? baseUri, string reference)
    {
        if (IsAbsolute(reference, out var absolute)) return absolute;
        if (baseUri is null || !baseUri.IsAbsoluteUri) return null;
        return Uri.TryCreate(baseUri, reference, out var combined) ? combined : null;
    }

    // On Unix "/path" parses as an absolute file URI; in a feed it is always relative to the site.
    static bool IsAbsolute(string reference, out Uri? absolute) =>
        Uri.TryCreate(reference, UriKind.Absolute, out absolute) && !(absolute.IsFile && !reference.StartsWith("file:", StringComparison.OrdinalIgnoreCase));
}
