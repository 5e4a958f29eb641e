using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion.Feeds;
using PolicyTracker.Web.Ingestion.Fetching;

namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// Fetches an address and ingests what it holds: a page becomes one article, a feed brings in
/// each item. The response is kept as a snapshot (a feed's once, shared by its items).
/// </summary>
public sealed class UrlIngestion(SafeFetcher fetcher, ArticleStore store, TrackerDb db)
{
    /// <summary>Fetches and ingests <paramref name="url"/>; failures come back as reasons, never as exceptions.</summary>
    public async Task<IngestReport> IngestAsync(string url, CancellationToken ct = default, FetchConditions? conditions = null, bool fetchFullPages = false)
    {
        if (UrlNormalizer.ParseHttp(url) is not { } uri)
            return IngestReport.FailedWith(url, "Not an absolute http or https address.", IngestFailure.InvalidAddress);

        FetchedResponse response;
        try
        {
            response = await fetcher.FetchAsync(uri, conditions, ct);
        }
        catch (FetchException e)
        {
            return IngestReport.FailedWith(url, e.Message, e.Kind == FetchFailure.InvalidAddress ? IngestFailure.InvalidAddress : IngestFailure.Unreadable, e);
        }
        if (response.NotModified) return new IngestReport([], [], null) { NotModified = true, Response = response };

        if (FeedParser.LooksLikeFeed(response.Body, response.MediaType))
        {
            FeedDocument feed;
            try
            {
                feed = FeedParser.Parse(response.Body, response.Charset, response.FinalUrl);
            }
            catch (FeedFormatException e)
            {
                return IngestReport.FailedWith(url, $"The feed cannot be read: {e.Message}", IngestFailure.Unreadable) with { Response = response };
            }
            return await IngestFeedAsync(feed, response, fetchFullPages, ct) with { Response = response };
        }

        try
        {
            var draft = PageReader.Read(response.Text, response.FinalUrl) with { Snapshot = SnapshotOf(response) };
            var outcome = await store.AddAsync(draft, ct);
            return new IngestReport([Item(outcome)], [], null) { Response = response };
        }
        catch (Exception e) when (e is FormatException or InvalidDraftException)
        {
            return IngestReport.FailedWith(url, e.Message, IngestFailure.NotAnArticle) with { Response = response };
        }
    }

    async Task<IngestReport> IngestFeedAsync(FeedDocument feed, FetchedResponse response, bool fetchFullPages, CancellationToken ct)
    {
        var snapshot = Snapshot.From(SnapshotOf(response));
        db.Snapshots.Add(snapshot);
        await db.SaveChangesAsync(ct);

        var items = new List<IngestedItem>();
        var failed = new List<FailedItem>();
        var sourceName = feed.Title ?? UrlNormalizer.Domain(feed.Link ?? response.FinalUrl.ToString());
        var drafts = new List<ArticleDraft>();
        foreach (var item in feed.Items)
        {
            try
            {
                drafts.Add(await DraftOfAsync(item, sourceName, fetchFullPages, ct) with { SharedSnapshotId = snapshot.Id });
            }
            catch (Exception e) when (e is FormatException or FetchException)
            {
                failed.Add(new FailedItem(item.Link ?? item.Title ?? "(untitled item)", e.Message));
            }
        }
        foreach (var (draft, outcome) in drafts.Zip(await store.AddManyAsync(drafts, ct)))
        {
            if (outcome.Outcome is { } stored) items.Add(Item(stored));
            else failed.Add(new FailedItem(draft.Url ?? draft.Title, outcome.Error!.Message));
        }
        return new IngestReport(items, failed, null) { FeedTitle = feed.Title };
    }

    async Task<ArticleDraft> DraftOfAsync(FeedItem item, string? sourceName, bool fetchFullPage, CancellationToken ct)
    {
        var content = item.ContentHtml ?? item.SummaryHtml;
        var author = item.Authors.Select(a => a.Name ?? a.Email).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a));
        var published = item.PublishedAt ?? item.UpdatedAt;
        if ((item.ContentHtml is null || fetchFullPage) && fetchFullPage && UrlNormalizer.ParseHttp(item.Link) is { } link)
        {
            // The feed carries only a summary: read the page itself, keeping the feed's metadata where the page lacks it.
            var page = await fetcher.FetchAsync(link, null, ct);
            var read = PageReader.Read(page.Text, page.FinalUrl);
            return read with
            {
                Url = item.Link,
                SourceName = read.SourceName ?? sourceName,
                Author = read.Author ?? author,
                PublishedAt = read.PublishedAt ?? published,
                Snapshot = SnapshotOf(page),
            };
        }
        if (string.IsNullOrWhiteSpace(content)) throw new FormatException("The item has no content or summary.");
        return new ArticleDraft(item.Title ?? "(untitled)", content, ContentType.Html, item.Link, sourceName, author, published);
    }

    static IngestedItem Item(IngestOutcome o) => new(o.ArticleId, o.Title, o.Status.ToString().ToLowerInvariant());

    /// <summary>The response as the article's snapshot.</summary>
    public static SnapshotDraft SnapshotOf(FetchedResponse r) =>
        new(r.RequestedUrl.ToString(), r.FinalUrl.ToString(), r.FetchedAt, r.StatusCode, r.MediaType, r.Charset, r.Headers, r.Text, r.Sha256);
}

/// <summary>Why a single address could not be ingested.</summary>
public enum IngestFailure
{
    InvalidAddress,
    Unreadable,
    NotAnArticle,
}

/// <summary>One article an ingest created, found as a duplicate, or updated.</summary>
public sealed record IngestedItem(int Id, string Title, string Status);

/// <summary>One address or item that failed, with the reason.</summary>
public sealed record FailedItem(string Url, string Reason);

/// <summary>What an ingest of one address did.</summary>
public sealed record IngestReport(IReadOnlyList<IngestedItem> Articles, IReadOnlyList<FailedItem> Failed, IngestFailure? Failure)
{
    public bool NotModified { get; init; }
    public string? FeedTitle { get; init; }
    public FetchedResponse? Response { get; init; }
    public FetchException? FetchError { get; init; }

    public static IngestReport FailedWith(string url, string reason, IngestFailure failure, FetchException? error = null) =>
        new([], [new FailedItem(url, reason)], failure) { FetchError = error };
}
