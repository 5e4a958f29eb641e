using System.Xml.Linq;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Maps namespaced element names onto short keys ("title", "dc:creator") so readers need not care which namespace URI a feed used.</summary>
static class FeedNames
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";

    static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        [""] = "", [Atom10] = "", [Atom03] = "", [Rss090] = "", [Rss10] = "",
        ["http://backend.userland.com/rss"] = "", ["http://backend.userland.com/rss2"] = "",
        ["http://backend.userland.com/rss2.1"] = "", ["http://blogs.law.harvard.edu/tech/rss"] = "",
        ["http://purl.org/dc/elements/1.1/"] = "dc:", ["http://purl.org/dc/elements/1.0/"] = "dc:",
        ["http://purl.org/dc/terms/"] = "dcterms:",
        ["http://purl.org/rss/1.0/modules/content/"] = "content:",
        ["http://www.itunes.com/dtds/podcast-1.0.dtd"] = "itunes:",
        ["http://www.itunes.com/DTDs/Podcast-1.0.dtd"] = "itunes:",
        [Rdf] = "rdf:",
        [Xhtml] = "xhtml:",
        ["http://web.resource.org/cc/"] = "cc:",
        ["http://creativecommons.org/ns#"] = "cc:",
        ["http://backend.userland.com/creativeCommonsRssModule"] = "creativeCommons:",
        ["http://search.yahoo.com/mrss/"] = "media:",
        ["http://search.yahoo.com/mrss"] = "media:",
    };

    static readonly Dictionary<string, string> UsualPrefixes = new(StringComparer.Ordinal)
    {
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["dcterms"] = "http://purl.org/dc/terms/",
        ["content"] = "http://purl.org/rss/1.0/modules/content/",
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
        ["rdf"] = Rdf,
        ["atom"] = Atom10,
        ["media"] = "http://search.yahoo.com/mrss/",
        ["xhtml"] = Xhtml,
    };

    /// <summary>The namespace a conventional prefix stands for, used when a feed forgot to declare it.</summary>
    public static string? WellKnownPrefix(string prefix) => UsualPrefixes.GetValueOrDefault(prefix);

    /// <summary>The short key of an element: feed-core names bare, known modules with their usual prefix.</summary>
    public static string Key(XElement element) => Prefix(element.Name.NamespaceName) + element.Name.LocalName;

    /// <summary>True when the element has the key; cheaper than building the key, as lookups run for every child.</summary>
    public static bool HasKey(XElement element, string key)
    {
        var local = element.Name.LocalName;
        if (!key.EndsWith(local, StringComparison.Ordinal)) return false;
        var prefix = Prefix(element.Name.NamespaceName);
        return key.Length == prefix.Length + local.Length && key.StartsWith(prefix, StringComparison.Ordinal);
    }

    static string Prefix(string ns) =>
        Prefixes.TryGetValue(ns, out var known) ? known : Prefixes.GetValueOrDefault(ns.TrimEnd('/') + "/") ?? "{" + ns + "}";
}
