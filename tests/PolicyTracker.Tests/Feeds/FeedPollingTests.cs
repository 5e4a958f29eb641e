using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PolicyTracker.Tests.Ingestion;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Feeds;

namespace PolicyTracker.Tests.Feeds;

public sealed class FeedPollingTests(SiteAndApp fixture) : IClassFixture<SiteAndApp>
{
    LocalSite Site => fixture.Site;
    TrackerApp App => fixture.App;

    static string Item(string id) => $"<p>Item {id}: the regulator set out how frontier labs should report evaluations before release.</p>";

    async Task<(HttpClient Client, int FeedId)> FollowAsync(string path)
    {
        var client = await App.CreateApiClientAsync(await App.CreateMemberAsync(Roles.Editor));
        var created = await client.PostAsJsonAsync("/api/feeds", new { url = Site.Url(path), every = "1h" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (client, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    static async Task<JsonElement> FeedAsync(HttpClient client, int id, Func<JsonElement, bool> until) =>
        await Eventually.ResultAsync(
            async () => (await client.GetFromJsonAsync<JsonElement[]>("/api/feeds"))!.Single(f => f.GetProperty("id").GetInt32() == id),
            until, TimeSpan.FromSeconds(20));

    [Fact]
    public async Task A_followed_feed_is_polled_and_then_asked_conditionally()
    {
        var path = $"/{Guid.NewGuid():N}/feed.xml";
        var etag = "\"v1\"";
        var requestsWithEtag = 0;
        var body = IngestionFixtures.Rss(Site.Address.ToString(), ("Regulator sets reporting rules", Site.Url($"{path}/1").ToString(), Item("1"), "Mon, 04 May 2026 08:00:00 GMT"));
        Site.Handle(path, async context =>
        {
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                Interlocked.Increment(ref requestsWithEtag);
                context.Response.StatusCode = 304;
                return;
            }
            context.Response.Headers.ETag = etag;
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(body);
        });
        var (client, id) = await FollowAsync(path);

        var polled = await FeedAsync(client, id, f => f.GetProperty("status").GetString() == "ok");
        Assert.Equal("ok", polled.GetProperty("status").GetString());
        Assert.Equal(1, polled.GetProperty("itemCount").GetInt32());
        Assert.Equal("Harbor Ledger: Policy", polled.GetProperty("title").GetString());
        Assert.True(polled.GetProperty("nextFetchAt").GetDateTime() > DateTime.UtcNow.AddMinutes(50));

        await client.PostAsync($"/api/feeds/{id}/poll", null);
        var again = await FeedAsync(client, id, f => f.GetProperty("status").GetString() == "notmodified");
        Assert.Equal("notmodified", again.GetProperty("status").GetString());
        Assert.Equal(1, requestsWithEtag);
    }

    [Fact]
    public async Task A_failing_feed_records_its_error_and_backs_off_honouring_retry_after()
    {
        var path = $"/{Guid.NewGuid():N}/down.xml";
        Site.Handle(path, context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = "7200";
            return Task.CompletedTask;
        });
        var (client, id) = await FollowAsync(path);

        var failing = await FeedAsync(client, id, f => f.GetProperty("status").GetString() == "failing");

        Assert.Equal("failing", failing.GetProperty("status").GetString());
        Assert.Contains("503", failing.GetProperty("lastError").GetString());
        Assert.True(failing.GetProperty("nextFetchAt").GetDateTime() > DateTime.UtcNow.AddMinutes(110), "Retry-After of two hours is honoured");
    }

    [Fact]
    public async Task A_slow_feed_does_not_delay_the_others()
    {
        var slow = $"/{Guid.NewGuid():N}/slow.xml";
        var fast = $"/{Guid.NewGuid():N}/fast.xml";
        using var release = new SemaphoreSlim(0);
        Site.Handle(slow, async context =>
        {
            await release.WaitAsync(TimeSpan.FromSeconds(25));
            context.Response.StatusCode = 500;
        });
        Site.Serve(fast, IngestionFixtures.Rss(Site.Address.ToString(), ("Fast feed item", Site.Url($"{fast}/1").ToString(), Item("fast"), "Tue, 05 May 2026 08:00:00 GMT")), "application/rss+xml");
        var (client, _) = await FollowAsync(slow);
        var (_, fastId) = await FollowAsync(fast);

        var polled = await FeedAsync(client, fastId, f => f.GetProperty("status").GetString() == "ok");

        Assert.Equal("ok", polled.GetProperty("status").GetString());
        release.Release();
    }

    [Fact]
    public async Task Paused_feeds_are_not_polled_and_resume_at_once()
    {
        var path = $"/{Guid.NewGuid():N}/paused.xml";
        Site.Serve(path, IngestionFixtures.Rss(Site.Address.ToString(), ("Paused feed item", Site.Url($"{path}/1").ToString(), Item("paused"), "Tue, 05 May 2026 08:00:00 GMT")), "application/rss+xml");
        using var client = await App.CreateApiClientAsync(await App.CreateMemberAsync(Roles.Editor));
        var created = await client.PostAsJsonAsync("/api/feeds", new { url = Site.Url(path), every = "1h" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await client.PostAsync($"/api/feeds/{id}/pause", null);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Site.Hits.GetValueOrDefault(path));

        await client.PostAsync($"/api/feeds/{id}/resume", null);
        var polled = await FeedAsync(client, id, f => f.GetProperty("status").GetString() == "ok");
        Assert.Equal(1, polled.GetProperty("itemCount").GetInt32());
    }

    [Theory]
    [InlineData("""{"url":"not a url"}""", "url")]
    [InlineData("""{"url":"https://feeds.example/x","every":"often"}""", "every")]
    [InlineData("""{"url":"https://feeds.example/x","every":"10s"}""", "url")]
    public async Task Bad_feed_requests_get_a_validation_problem(string json, string field)
    {
        using var client = await App.CreateApiClientAsync(await App.CreateMemberAsync(Roles.Editor));
        var response = await client.PostAsync("/api/feeds", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public void Backoff_doubles_per_failure_up_to_a_day_and_respects_retry_after()
    {
        var interval = TimeSpan.FromMinutes(15);
        Assert.Equal(TimeSpan.FromMinutes(30), FeedPoller.Backoff(interval, 1, null));
        Assert.Equal(TimeSpan.FromMinutes(120), FeedPoller.Backoff(interval, 3, null));
        Assert.Equal(TimeSpan.FromHours(24), FeedPoller.Backoff(interval, 12, null));
        Assert.Equal(TimeSpan.FromHours(5), FeedPoller.Backoff(interval, 1, TimeSpan.FromHours(5)));
    }

    [Theory]
    [InlineData("15m", 15 * 60)]
    [InlineData("2h", 2 * 3600)]
    [InlineData("1d", 86400)]
    [InlineData("90s", 90)]
    [InlineData("30", 30 * 60)]
    public void Intervals_read_as_people_write_them(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), FeedDirectory.ParseInterval(text));
}
