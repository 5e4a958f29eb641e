using System.Xml.Linq;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Reads RSS 0.90 to 2.0 and RSS 1.0 (RDF), including the Dublin Core, content and iTunes modules and stray Atom links.</summary>
static class RssReader
{
    /// <summary>Reads a document whose root is rss, rdf:RDF or a bare channel.</summary>
    public static FeedDocument Read(XElement root, Uri? documentUri)
    {
        var channel = root.Name.LocalName == "channel" ? root : root.Kid("channel") ?? root;
        var format = Format(root, channel);
        var header = Header(channel, documentUri);
        // RDF puts items beside the channel, and some RSS feeds forget the channel wrapper.
        var itemElements = channel.Kids("item").Concat(channel == root ? [] : root.Kids("item"));
        var items = itemElements.Select(item => RssItemReader.Read(item, documentUri)).ToList();
        return new FeedDocument(format, FeedTexts.ToPlain(header.Title), header.Link, header.Language, items) { Header = header };
    }

    static string Format(XElement root, XElement channel)
    {
        if (root.Name.LocalName == "RDF")
            return channel.Name.NamespaceName == FeedNames.Rss090 || root.GetDefaultNamespace().NamespaceName == FeedNames.Rss090 || root.Elements().Any(e => e.Name.NamespaceName == FeedNames.Rss090) ? "rss090" : "rss10";
        return root.Attr("version") switch
        {
            "0.90" or "0.9" => "rss090",
            "0.91" => "rss091",
            "0.92" => "rss092",
            "0.93" => "rss093",
            "0.94" => "rss094",
            // 2.0, 2.0.1, the never-released 2.1 and a missing version all read as 2.0.
            _ => "rss20",
        };
    }

    static FeedHeader Header(XElement channel, Uri? documentUri)
    {
        var baseUri = channel.BaseFor(documentUri);
        var links = Links(channel, documentUri);
        var image = channel.Kid("image") ?? channel.Parent?.Kid("image");
        return new FeedHeader
        {
            Id = channel.Attr("about"),
            Title = FeedTexts.ReadRssText(channel.Kid("title", "dc:title")),
            Subtitle = FeedTexts.Resolve(FeedTexts.ReadRssHtml(channel.Kid("description", "dc:description", "subtitle", "tagline", "itunes:subtitle")), baseUri),
            Rights = FeedTexts.ReadRssText(channel.Kid("copyright", "dc:rights", "rights")),
            Links = links,
            Link = FeedParts.MainLink(links),
            Authors = FeedParts.People(channel, documentUri, "managingEditor", "author", "dc:creator", "dc:author", "itunes:author"),
            Contributors = FeedParts.People(channel, documentUri, "dc:contributor", "contributor"),
            Publisher = FeedPeople.Parse(channel.KidText("webMaster", "dc:publisher", "publisher")),
            Categories = channel.Kids("category").Concat(channel.Kids("dc:subject")).Select(FeedParts.Category).OfType<FeedCategory>().ToList(),
            Generator = FeedParts.Generator(channel.Kid("generator", "admin:generatorAgent")),
            Logo = image is null ? null : FeedElements.ResolveUrl(image.KidText("url") ?? image.Attr("resource"), baseUri),
            Language = channel.KidText("language", "dc:language"),
            Published = FeedParts.Date(channel, "pubDate", "dcterms:issued", "published"),
            Updated = FeedParts.Date(channel, "lastBuildDate", "dc:date", "dcterms:modified", "updated"),
        };
    }

    /// <summary>RSS links: link text, atom:link elements, and (for items) enclosures, in document order.</summary>
    public static List<FeedLink> Links(XElement parent, Uri? documentUri)
    {
        var links = new List<FeedLink>();
        foreach (var element in parent.Elements())
        {
            var key = FeedNames.Key(element);
            var isAtom = element.Name.NamespaceName is FeedNames.Atom10 or FeedNames.Atom03;
            if (key == "link" && (isAtom || element.Attr("href") is not null))
            {
                if (FeedParts.Link(element, documentUri) is { } atomLink) links.Add(atomLink);
            }
            else if (key == "link" && FeedElements.ResolveUrl(element.Value, element.BaseFor(documentUri)) is { } href)
            {
                links.Add(new FeedLink(href, "alternate"));
            }
            else if (key == "enclosure" && FeedElements.ResolveUrl(element.Attr("url") ?? element.Attr("href"), element.BaseFor(documentUri)) is { } url)
            {
                links.Add(new FeedLink(url, "enclosure", element.Attr("type"), Length: element.Attr("length")));
            }
        }
        return links;
    }
}
