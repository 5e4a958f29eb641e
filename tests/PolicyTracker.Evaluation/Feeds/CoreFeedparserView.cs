using PolicyTracker.Evaluation.Python;
using PolicyTracker.Web.Ingestion.Feeds;

namespace PolicyTracker.Evaluation.Feeds;

/// <summary>The feedparser view built from the positional record fields alone, to show what the detail properties add.</summary>
static class CoreFeedparserView
{
    /// <summary>Names for an Expect expression, from Format, Title, Link, Language and each item's positional fields.</summary>
    public static Dictionary<string, object?> Names(FeedDocument document) => new()
    {
        ["bozo"] = document.NeededRepair,
        ["version"] = document.Format,
        ["feed"] = FeedparserView.NewDict().Set("title", document.Title).Set("link", document.Link).Set("language", document.Language),
        ["entries"] = document.Items.Select(Entry).Cast<object?>().ToList(),
    };

    static PyDict Entry(FeedItem item)
    {
        var entry = FeedparserView.NewDict().Set("id", item.Id).Set("title", item.Title).Set("link", item.Link).Set("summary", item.SummaryHtml);
        if (item.ContentHtml is not null) entry.Set("content", new List<object?> { FeedparserView.NewDict().Set("type", "text/html").Set("value", item.ContentHtml) });
        if (item.Authors.Count > 0)
        {
            var people = item.Authors.Select(p => (object?)FeedparserView.NewDict().Set("name", p.Name).Set("email", p.Email).Set("href", p.Uri)).ToList();
            entry.Set("author", FeedparserView.Display(item.Authors[0])).Set("author_detail", people[0]).Set("authors", people);
        }
        if (item.Categories.Count > 0)
            entry.Set("tags", item.Categories.Select(c => (object?)FeedparserView.NewDict().Set("term", c)).ToList()).Set("category", item.Categories[0]);
        if (item.PublishedAt is { } published) entry.Set("published_parsed", FeedparserView.TimeStruct(published));
        if (item.UpdatedAt is { } updated) entry.Set("updated_parsed", FeedparserView.TimeStruct(updated));
        return entry;
    }
}
