using System.Globalization;
using System.Text;
using System.Xml;

namespace PolicyTracker.Web.SavedSearches;

/// <summary>A saved search's matches as an Atom 1.0 feed (RFC 4287), newest first, so any feed reader can follow it.</summary>
public static class AtomFeed
{
    const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The feed document; <paramref name="site"/> is the app's absolute base address.</summary>
    public static byte[] Write(SavedSearchDto search, IReadOnlyList<MatchDto> matches, Uri site)
    {
        var page = new Uri(site, $"saved-searches/{search.Id}").ToString();
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, page);
            xml.WriteElementString("title", Atom, $"{search.Name} · PolicyTracker");
            xml.WriteElementString("subtitle", Atom, $"New coverage matching: {Describe(search)}");
            xml.WriteElementString("updated", Atom, Time(matches.Count > 0 ? matches[0].MatchedAt : search.CreatedAt));
            // The self link is the feed without its token: a token never travels inside a document.
            Link(xml, new Uri(site, $"api/saved-searches/{search.Id}/feed").ToString(), "self", "application/atom+xml");
            Link(xml, page, "alternate", "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "PolicyTracker");
            xml.WriteEndElement();
            xml.WriteElementString("generator", Atom, "PolicyTracker");
            foreach (var m in matches)
            {
                var article = new Uri(site, $"articles/{m.ArticleId}").ToString();
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"{page}#match-{m.Id}");
                xml.WriteElementString("title", Atom, m.Title);
                Link(xml, article, "alternate", "text/html");
                xml.WriteElementString("updated", Atom, Time(m.MatchedAt));
                if (m.PublishedAt is { } published) xml.WriteElementString("published", Atom, Time(published));
                if (m.Source is { } source)
                {
                    xml.WriteStartElement("author", Atom);
                    xml.WriteElementString("name", Atom, source);
                    xml.WriteEndElement();
                }
                xml.WriteElementString("summary", Atom, $"{m.Source ?? "Unknown source"}: matched the saved search “{search.Name}” on {m.MatchedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    /// <summary>The query with its facets, as people read it.</summary>
    public static string Describe(SavedSearchDto s) =>
        string.Join(" · ", new[] { s.Query, s.Source is null ? null : $"source: {s.Source}", s.Flag is null ? null : $"flag: {s.Flag}" }
            .Where(p => !string.IsNullOrWhiteSpace(p)));

    static void Link(XmlWriter xml, string href, string rel, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    static string Time(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
