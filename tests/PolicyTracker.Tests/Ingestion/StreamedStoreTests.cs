using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Tests.Ingestion;

/// <summary>
/// The store's bulk path: a stream of drafts cleaned ahead of storing and stored in batches of
/// 100 through prepared inserts. Nothing is lost or half-written, duplicates point at the first
/// copy, and events come in the drafts' order.
/// </summary>
public sealed class StreamedStoreTests(SharedApp app) : IClassFixture<SharedApp>
{
    static ArticleDraft Draft(string tag, int i, string? url = null, string? author = "Desk") => new(
        $"Ledger item {i} {tag}",
        $"The ministry of item {i} asked the lab {tag} to limit its preview to {i + 2} partners, officials said on Tuesday.\n\nThe request names agency {i}.",
        ContentType.Markdown, Url: url, SourceName: "Harbor Ledger", Author: author, PublishedAt: new DateTime(2026, 4, 14, 9, 30, 0, DateTimeKind.Utc).AddMinutes(i));

    async Task<List<DraftOutcome>> StoreAsync(IEnumerable<ArticleDraft> drafts)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ArticleStore>();
        var outcomes = new List<DraftOutcome>();
        await foreach (var outcome in store.AddAllAsync(drafts)) outcomes.Add(outcome);
        return outcomes;
    }

    [Fact]
    public async Task Bad_drafts_in_a_long_stream_are_refused_and_every_other_one_is_stored_whole_with_its_event_in_order()
    {
        var tag = Guid.NewGuid().ToString("N");
        var drafts = Enumerable.Range(0, 250).Select(i => Draft(tag, i)).ToList();
        drafts[1] = drafts[1] with { Title = "  " };
        drafts[100] = drafts[100] with { Url = "ftp://not-a-page.example/x" };
        drafts[199] = drafts[199] with { Content = "   " };

        var outcomes = await StoreAsync(drafts);

        Assert.Equal(250, outcomes.Count);
        Assert.Equal("title", outcomes[1].Error?.Field);
        Assert.Equal("url", outcomes[100].Error?.Field);
        Assert.Equal("content", outcomes[199].Error?.Field);
        var created = outcomes.Where((o, i) => i is not (1 or 100 or 199)).ToList();
        Assert.All(created, o => Assert.Equal(IngestStatus.Created, o.Outcome?.Status));
        var ids = created.Select(o => o.Outcome!.ArticleId).ToList();
        // Ids follow the drafts' order, across batch boundaries.
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync();
        Assert.Equal(247, articles.Count);
        Assert.All(articles, a => Assert.Contains(tag, a.Text));
        var first = articles.Single(a => a.Id == ids[0]);
        Assert.Equal(drafts[0].Title, first.Title);
        Assert.Equal(drafts[0].PublishedAt, first.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, first.IngestedAt.Kind);
        Assert.NotNull(first.SourceId);
        Assert.Equal(247, await db.Revisions.CountAsync(r => ids.Contains(r.ArticleId) && r.Number == 1));
        Assert.Equal(247, await db.StoryMembers.CountAsync(m => ids.Contains(m.ArticleId)));
        // The sentence "asked … officials said" is a checkable claim: suggested once per article, at its place in the text.
        var claims = await db.Claims.AsNoTracking().Where(c => c.ArticleId == ids[0]).ToListAsync();
        var claim = Assert.Single(claims);
        Assert.Equal(Web.Claims.SuggestionStates.Suggested, claim.Suggestion);
        Assert.Equal(claim.Exact, first.Text[claim.Start..claim.End]);
        // Every one has its articleIngested event, numbered in the drafts' order.
        var ingested = await db.Events.AsNoTracking().Where(e => e.Type == EventTypes.ArticleIngested && e.ArticleId != null && ids.Contains(e.ArticleId.Value))
            .OrderBy(e => e.Id).Select(e => e.ArticleId!.Value).ToListAsync();
        Assert.Equal(ids, ingested);
    }

    [Fact]
    public async Task Copies_in_the_same_batch_or_a_later_one_are_duplicates_of_the_first()
    {
        var tag = Guid.NewGuid().ToString("N");
        var url = $"https://harbor.example/{tag}";
        var drafts = Enumerable.Range(0, 130).Select(i => Draft(tag, i)).ToList();
        drafts[5] = drafts[2] with { Title = "Same text, other title" };
        drafts[7] = Draft(tag, 7, url);
        drafts[8] = Draft(tag, 8, url + "?utm_source=feed"); // the same address once normalized, other text
        drafts[120] = drafts[2] with { Title = "Same text, next batch" };

        var outcomes = await StoreAsync(drafts);

        var first = outcomes[2].Outcome!;
        Assert.Equal(IngestStatus.Created, first.Status);
        Assert.Equal((IngestStatus.Duplicate, first.ArticleId), (outcomes[5].Outcome!.Status, outcomes[5].Outcome!.ArticleId));
        Assert.Equal((IngestStatus.Duplicate, first.ArticleId), (outcomes[120].Outcome!.Status, outcomes[120].Outcome!.ArticleId));
        Assert.Equal((IngestStatus.Duplicate, outcomes[7].Outcome!.ArticleId), (outcomes[8].Outcome!.Status, outcomes[8].Outcome!.ArticleId));
        Assert.Equal(127, outcomes.Count(o => o.Outcome?.Status == IngestStatus.Created));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        Assert.Equal(127, await db.Articles.CountAsync(a => a.Text.Contains(tag)));
    }

    [Fact]
    public async Task Two_imports_of_the_same_drafts_at_once_store_each_article_once()
    {
        var tag = Guid.NewGuid().ToString("N");
        var drafts = Enumerable.Range(0, 150).Select(i => Draft(tag, i)).ToList();

        var both = await Task.WhenAll(StoreAsync(drafts), StoreAsync(drafts));

        for (var i = 0; i < drafts.Count; i++)
        {
            var (a, b) = (both[0][i].Outcome!, both[1][i].Outcome!);
            Assert.Equal(a.ArticleId, b.ArticleId);
            Assert.Single(new[] { a.Status, b.Status }, IngestStatus.Created);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        Assert.Equal(150, await db.Articles.CountAsync(a => a.Text.Contains(tag)));
        var ids = both[0].Select(o => o.Outcome!.ArticleId).ToList();
        Assert.Equal(150, await db.Events.CountAsync(e => e.Type == EventTypes.ArticleIngested && e.ArticleId != null && ids.Contains(e.ArticleId.Value)));
        Assert.Equal(150, await db.Revisions.CountAsync(r => ids.Contains(r.ArticleId)));
    }

    [Fact]
    public async Task A_reader_that_stops_early_keeps_what_was_stored_and_the_store_goes_on_working()
    {
        var tag = Guid.NewGuid().ToString("N");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ArticleStore>();
            await foreach (var outcome in store.AddAllAsync(Enumerable.Range(0, 400).Select(i => Draft(tag, i))))
            {
                Assert.Equal(IngestStatus.Created, outcome.Outcome?.Status);
                break;
            }
            var again = await store.AddAsync(Draft(tag, 1000));
            Assert.Equal(IngestStatus.Created, again.Status);
        }
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<TrackerDb>();
        // The first batch was stored whole; nothing after the stop was.
        Assert.Equal(101, await db.Articles.CountAsync(a => a.Text.Contains(tag)));
    }
}
