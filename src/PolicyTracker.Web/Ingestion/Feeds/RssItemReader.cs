using System.Xml.Linq;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Reads one RSS or RDF item.</summary>
static class RssItemReader
{
    /// <summary>Reads the item element.</summary>
    public static FeedItem Read(XElement item, Uri? documentUri)
    {
        var baseUri = item.BaseFor(documentUri);
        var links = RssReader.Links(item, documentUri);
        var guidElement = item.Kid("guid");
        var guid = guidElement?.Value.Trim() is { Length: > 0 } g ? g : null;
        var guidIsPermaLink = guidElement is not null && !string.Equals(guidElement.Attr("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        var link = FeedParts.MainLink(links);
        // A permalink guid is the item's address when the item has no link of its own.
        if (link is null && guid is not null && guidIsPermaLink && LooksLikeUrl(guid))
        {
            link = FeedElements.ResolveUrl(guid, baseUri);
            links.Insert(0, new FeedLink(link!, "alternate"));
        }

        var title = FeedTexts.ReadRssText(item.Kid("title", "dc:title"));
        var content = FeedTexts.Resolve(FeedTexts.ReadRssHtml(item.Kid("content:encoded", "xhtml:body", "fullitem", "content")), baseUri);
        var summary = FeedTexts.Resolve(FeedTexts.ReadRssHtml(item.Kid("description", "dc:description", "summary", "itunes:summary")), baseUri);
        var categories = Categories(item);
        var published = FeedParts.Date(item, "pubDate", "dcterms:issued", "published", "issued");
        var updated = FeedParts.Date(item, "dc:date", "dcterms:modified", "updated", "modified");
        var summaryHtml = FeedTexts.ToHtml(summary);
        var sourceElement = item.Kid("source");

        return new FeedItem(
            Id: guid ?? item.Attr("about"),
            Title: FeedTexts.ToPlain(title),
            Link: link,
            Authors: FeedParts.People(item, documentUri, "author", "dc:creator", "dc:author", "itunes:author"),
            PublishedAt: published?.Utc ?? updated?.Utc,
            UpdatedAt: updated?.Utc,
            ContentHtml: FeedTexts.ToHtml(content) ?? summaryHtml,
            SummaryHtml: summaryHtml,
            Categories: categories.Select(c => c.Term).ToList())
        {
            TitleText = title,
            ContentText = content,
            SummaryText = summary,
            Rights = FeedTexts.ReadRssText(item.Kid("dc:rights", "copyright", "rights")),
            Links = links,
            CategoryDetails = categories,
            Contributors = FeedParts.People(item, documentUri, "dc:contributor", "contributor"),
            Publisher = FeedPeople.Parse(item.KidText("dc:publisher", "publisher")),
            Source = sourceElement is null ? null : new FeedHeader
            {
                Title = FeedParts.OwnText(sourceElement) is { } sourceTitle ? new FeedText(sourceTitle, "text") : null,
                Url = FeedElements.ResolveUrl(sourceElement.Attr("url"), baseUri),
            },
            Published = published,
            Updated = updated,
            Created = FeedParts.Date(item, "dcterms:created", "created"),
            Expires = FeedParts.Date(item, "expirationDate") ?? ValidityEnd(item),
            GuidIsLink = guid is not null && guidIsPermaLink && link == guid,
            CommentsUrl = FeedElements.ResolveUrl(item.KidText("comments"), baseUri),
            License = License(item, baseUri),
        };
    }

    static List<FeedCategory> Categories(XElement item)
    {
        var categories = item.Kids("category").Concat(item.Kids("dc:subject")).Select(FeedParts.Category).OfType<FeedCategory>().ToList();
        // Some producers list tags in one comma-separated element.
        foreach (var tags in item.Kids("tags").Concat(item.Kids("itunes:keywords")))
            categories.InsertRange(0, tags.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => new FeedCategory(t, null, null)));
        return categories;
    }

    static string? License(XElement item, Uri? baseUri)
    {
        var element = item.Kid("cc:license", "creativeCommons:license");
        return element is null ? null : FeedElements.ResolveUrl(element.Attr("resource") ?? element.Value, baseUri);
    }

    static FeedDate? ValidityEnd(XElement item)
    {
        var valid = item.KidText("dcterms:valid");
        var end = valid?.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("end=", StringComparison.Ordinal))?[4..];
        return end is null ? null : new FeedDate(end, FeedDates.Parse(end));
    }

    static bool LooksLikeUrl(string text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
