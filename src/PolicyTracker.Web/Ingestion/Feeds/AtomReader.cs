using System.Xml.Linq;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Reads Atom 1.0 and Atom 0.3 documents (0.3 names such as tagline, issued and modified are accepted in both).</summary>
static class AtomReader
{
    /// <summary>Reads a document whose root is feed.</summary>
    public static FeedDocument Read(XElement feed, Uri? documentUri)
    {
        var format = feed.Name.NamespaceName == FeedNames.Atom03 || (feed.Name.NamespaceName.Length == 0 && feed.Attr("version") == "0.3") ? "atom03" : "atom10";
        var header = Header(feed, documentUri);
        var items = feed.Kids("entry").Select(entry => Entry(entry, header, documentUri)).ToList();
        return new FeedDocument(format, FeedTexts.ToPlain(header.Title), header.Link, header.Language, items) { Header = header };
    }

    /// <summary>Channel metadata from a feed or source element; both share the same vocabulary.</summary>
    public static FeedHeader Header(XElement element, Uri? documentUri)
    {
        var baseUri = element.BaseFor(documentUri);
        var links = element.Kids("link").Select(l => FeedParts.Link(l, documentUri)).OfType<FeedLink>().ToList();
        return new FeedHeader
        {
            Id = element.KidText("id"),
            Title = ReadText(element, documentUri, "title"),
            Subtitle = ReadText(element, documentUri, "subtitle", "tagline"),
            Rights = ReadText(element, documentUri, "rights", "copyright"),
            Links = links,
            Link = FeedParts.MainLink(links),
            Authors = FeedParts.People(element, documentUri, "author", "dc:creator"),
            Contributors = FeedParts.People(element, documentUri, "contributor"),
            Categories = element.Kids("category").Select(FeedParts.Category).OfType<FeedCategory>().ToList(),
            Generator = FeedParts.Generator(element.Kid("generator")),
            Icon = FeedElements.ResolveUrl(element.KidText("icon"), baseUri),
            Logo = FeedElements.ResolveUrl(element.KidText("logo"), baseUri),
            Language = element.Attribute(XNamespace.Xml + "lang")?.Value.Trim() is { Length: > 0 } lang ? lang : element.KidText("dc:language"),
            Published = FeedParts.Date(element, "published", "issued", "dcterms:issued"),
            Updated = FeedParts.Date(element, "updated", "modified", "dc:date", "dcterms:modified"),
        };
    }

    static FeedItem Entry(XElement entry, FeedHeader feed, Uri? documentUri)
    {
        var baseUri = entry.BaseFor(documentUri);
        var links = entry.Kids("link").Select(l => FeedParts.Link(l, documentUri)).OfType<FeedLink>().ToList();
        var source = entry.Kid("source") is { } sourceElement ? Header(sourceElement, documentUri) : null;
        // Atom says an entry without authors takes its source's, then its feed's.
        var authors = FeedParts.People(entry, documentUri, "author", "dc:creator");
        if (authors.Count == 0) authors = [.. source is { Authors.Count: > 0 } ? source.Authors : feed.Authors];

        var title = ReadText(entry, documentUri, "title");
        var content = ReadText(entry, documentUri, "content");
        var summary = ReadText(entry, documentUri, "summary");
        var categories = entry.Kids("category").Concat(entry.Kids("dc:subject")).Select(FeedParts.Category).OfType<FeedCategory>().ToList();
        var published = FeedParts.Date(entry, "published", "issued", "dcterms:issued");
        var updated = FeedParts.Date(entry, "updated", "modified", "dc:date", "dcterms:modified");
        var summaryHtml = FeedTexts.ToHtml(summary);

        return new FeedItem(
            Id: entry.KidText("id"),
            Title: FeedTexts.ToPlain(title),
            Link: FeedParts.MainLink(links),
            Authors: authors,
            PublishedAt: published?.Utc ?? updated?.Utc,
            UpdatedAt: updated?.Utc,
            ContentHtml: FeedTexts.ToHtml(content) ?? summaryHtml,
            SummaryHtml: summaryHtml,
            Categories: categories.Select(c => c.Term).ToList())
        {
            TitleText = title,
            ContentText = content,
            SummaryText = summary,
            Rights = ReadText(entry, documentUri, "rights", "copyright"),
            Links = links,
            CategoryDetails = categories,
            Contributors = FeedParts.People(entry, documentUri, "contributor"),
            Source = source,
            Published = published,
            Updated = updated,
            Created = FeedParts.Date(entry, "created", "dcterms:created"),
            License = links.FirstOrDefault(l => l.Rel == "license")?.Href,
        };
    }

    // Each text construct may carry its own xml:base, so links inside it resolve against that.
    static FeedText? ReadText(XElement parent, Uri? documentUri, params string[] keys) =>
        parent.Kid(keys) is { } element ? FeedTexts.Resolve(FeedTexts.ReadAtom(element), element.BaseFor(documentUri)) : null;
}
