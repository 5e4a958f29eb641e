using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Tests.Ingestion;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Tests.Articles;

/// <summary>A known address fetched again: by a feed poll or the API, changed or not, against a loopback site.</summary>
public sealed class RevisionFlowTests(SiteAndApp fixture) : IClassFixture<SiteAndApp>
{
    LocalSite Site => fixture.Site;
    TrackerApp App => fixture.App;

    const string First = "<p>The standards body said its draft audit scheme for large models would be voluntary for the first two years, according to the published text.</p>";
    const string Second = "<p>The standards body said its draft audit scheme for large models would be mandatory from the start, according to the published text.</p>"
        + "<p>This article is AI-generated content.</p>";

    async Task<T> WithDbAsync<T>(Func<TrackerDb, Task<T>> query)
    {
        using var scope = App.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TrackerDb>());
    }

    Task<List<TrackerEvent>> EventsAsync(int articleId) =>
        WithDbAsync(db => db.Events.AsNoTracking().Where(e => e.ArticleId == articleId).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task A_changed_page_keeps_the_old_revision_writes_an_event_and_reevaluates_flags_and_an_unchanged_one_adds_nothing()
    {
        var path = $"/{Guid.NewGuid():N}/audit";
        Site.Serve(path, IngestionFixtures.Page("Standards body drafts audit scheme", First));
        using var client = await App.CreateApiClientAsync(await App.CreateMemberAsync(Roles.Editor));
        async Task<JsonElement> IngestAsync() =>
            (await (await client.PostAsJsonAsync("/api/ingest", new { url = Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articles")[0];

        var id = (await IngestAsync()).GetProperty("id").GetInt32();
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
        Assert.DoesNotContain(before.GetProperty("flags").EnumerateArray(), f => f.GetProperty("kind").GetString() == "ai-generated");

        Site.Serve(path, IngestionFixtures.Page("Standards body drafts audit scheme", Second));
        Assert.Equal("updated", (await IngestAsync()).GetProperty("status").GetString());

        var after = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
        Assert.Contains("mandatory from the start", after.GetProperty("text").GetString());
        Assert.Contains(after.GetProperty("flags").EnumerateArray(), f => f.GetProperty("kind").GetString() == "ai-generated");
        var revisions = await WithDbAsync(db => db.Revisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        // The first version is kept as it was, beside the new one.
        Assert.Contains("voluntary for the first two years", revisions[0].Text);
        Assert.NotEqual(revisions[0].Sha256, revisions[1].Sha256);
        Assert.NotEqual(revisions[0].SnapshotId, revisions[1].SnapshotId);
        var updated = Assert.Single(await EventsAsync(id), e => e.Type == EventTypes.ArticleUpdated);
        Assert.Equal(2, JsonDocument.Parse(updated.Data).RootElement.GetProperty("revision").GetInt32());

        Assert.Equal("duplicate", (await IngestAsync()).GetProperty("status").GetString());
        Assert.Equal(2, await WithDbAsync(db => db.Revisions.CountAsync(r => r.ArticleId == id)));
        Assert.Single(await EventsAsync(id), e => e.Type == EventTypes.ArticleUpdated);
    }

    [Fact]
    public async Task A_flag_whose_quote_leaves_the_text_is_kept_with_its_quote_and_dismissal_and_comes_back_when_the_quote_does()
    {
        var path = $"/{Guid.NewGuid():N}/retired";
        // Worded apart from the other tests' pages, which would otherwise be exact duplicates.
        string Flagged() => IngestionFixtures.Page("Evaluation office drafts audit scheme", Second.Replace("standards body", "evaluation office"));
        string Clean() => IngestionFixtures.Page("Evaluation office drafts audit scheme", First.Replace("standards body", "evaluation office"));
        Site.Serve(path, Flagged());
        var editor = await App.CreateMemberAsync(Roles.Editor);
        using var client = await App.CreateApiClientAsync(editor);
        async Task<int> IngestAsync() =>
            (await (await client.PostAsJsonAsync("/api/ingest", new { url = Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("articles")[0].GetProperty("id").GetInt32();
        async Task<JsonElement> AiFlagAsync(int articleId) => (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}"))
            .GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "ai-generated");

        var id = await IngestAsync();
        var flag = await AiFlagAsync(id);
        var flagId = flag.GetProperty("id").GetInt32();
        Assert.Equal("This article is AI-generated content.", flag.GetProperty("evidence").GetProperty("exact").GetString());
        (await client.PostAsJsonAsync($"/api/flags/{flagId}/dismiss", new { reason = "Checked with the desk" })).EnsureSuccessStatusCode();

        Site.Serve(path, Clean());
        Assert.Equal(id, await IngestAsync());
        var retired = await AiFlagAsync(id);
        Assert.Equal(flagId, retired.GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.String, retired.GetProperty("retiredAt").ValueKind);
        Assert.Equal("not raised by revision 2", retired.GetProperty("retiredNote").GetString());
        Assert.Equal("This article is AI-generated content.", retired.GetProperty("evidence").GetProperty("exact").GetString());
        Assert.False(FlagJson.Has(retired.GetProperty("evidence"), "start"));
        Assert.True(retired.GetProperty("dismissed").GetBoolean());
        Assert.Equal("Checked with the desk", retired.GetProperty("dismissReason").GetString());
        // Its review history stays usable: restoring works, but a flag that is no longer raised has nothing to dismiss.
        (await client.PostAsJsonAsync($"/api/flags/{flagId}/restore", new { })).EnsureSuccessStatusCode();
        var refused = await client.PostAsJsonAsync($"/api/flags/{flagId}/dismiss", new { reason = "again" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("no longer raised", await refused.Content.ReadAsStringAsync());
        var list = await client.GetFromJsonAsync<JsonElement>("/api/articles?pageSize=100");
        var row = list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == id);
        Assert.DoesNotContain(row.GetProperty("flags").EnumerateArray(), f => f.GetProperty("kind").GetString() == "ai-generated");
        using var browser = App.CreateBrowser();
        await browser.SignInAsync(editor.Email, editor.Password);
        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/articles/{id}"));
        var item = Assert.Single(page.QuerySelectorAll(".flag-list.retired li"));
        Assert.Contains("This article is AI-generated content.", item.TextContent);
        Assert.Contains("not raised by revision 2", item.TextContent);

        Site.Serve(path, Flagged().Replace("mandatory from the start", "mandatory after one year"));
        Assert.Equal(id, await IngestAsync());
        var back = await AiFlagAsync(id);
        Assert.Equal(flagId, back.GetProperty("id").GetInt32());
        Assert.False(FlagJson.Has(back, "retiredAt"));
        Assert.Equal(JsonValueKind.Number, back.GetProperty("evidence").GetProperty("start").ValueKind);
        Assert.False(back.GetProperty("dismissed").GetBoolean());
        list = await client.GetFromJsonAsync<JsonElement>("/api/articles?pageSize=100");
        row = list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == id);
        Assert.Contains(row.GetProperty("flags").EnumerateArray(), f => f.GetProperty("kind").GetString() == "ai-generated");
    }

    [Fact]
    public async Task A_feed_item_that_changes_becomes_a_second_revision_shown_on_the_article_page()
    {
        var path = $"/{Guid.NewGuid():N}/feed.xml";
        var link = Site.Url($"{path}/item").ToString();
        // Worded apart from the other test's page, which would otherwise be this item's exact duplicate.
        string Feed(string body) => IngestionFixtures.Rss(Site.Address.ToString(), ("Standards body drafts audit scheme", link, body.Replace("standards body", "testing institute"), "Mon, 04 May 2026 08:00:00 GMT"));
        Site.Serve(path, Feed(First), "application/rss+xml");
        var editor = await App.CreateMemberAsync(Roles.Editor);
        using var client = await App.CreateApiClientAsync(editor);
        var feedId = (await (await client.PostAsJsonAsync("/api/feeds", new { url = Site.Url(path), every = "1h" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var id = await Eventually.ResultAsync(
            () => WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.Url == link).Select(a => a.Id).FirstOrDefaultAsync()),
            found => found > 0, TimeSpan.FromSeconds(20));
        // The first poll finishes by recording its outcome; asking for another before that would be overwritten.
        await Eventually.ResultAsync(
            async () => (await client.GetFromJsonAsync<JsonElement[]>("/api/feeds"))!.Single(f => f.GetProperty("id").GetInt32() == feedId).GetProperty("status").GetString(),
            status => status == "ok", TimeSpan.FromSeconds(20));

        Site.Serve(path, Feed(Second), "application/rss+xml");
        await client.PostAsync($"/api/feeds/{feedId}/poll", null);
        Assert.Equal(2, await Eventually.ResultAsync(() => WithDbAsync(db => db.Revisions.CountAsync(r => r.ArticleId == id)), n => n == 2, TimeSpan.FromSeconds(20)));

        Assert.Single(await EventsAsync(id), e => e.Type == EventTypes.ArticleUpdated);
        using var browser = App.CreateBrowser();
        await browser.SignInAsync(editor.Email, editor.Password);
        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/articles/{id}"));
        var panel = page.QuerySelector(".revision-history")!;
        Assert.Equal(2, panel.QuerySelectorAll(".revision-list > li").Length);
        Assert.Contains("mandatory", panel.QuerySelector(".diff ins")!.TextContent);
        Assert.Contains("voluntary", panel.QuerySelector(".diff del")!.TextContent);
        // The article body holds only the new text: the diff lives beside it.
        Assert.DoesNotContain("voluntary", page.QuerySelector("#article-body")!.TextContent);
    }
}
