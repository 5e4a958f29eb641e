using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Tests.Live;

public sealed class TrackerHubTests(SharedApp app) : IClassFixture<SharedApp>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    async Task<int> AddArticleAsync(string title)
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var response = await editor.PostAsJsonAsync("/api/articles", new { title, content = $"{title} {Guid.NewGuid()}", contentType = "text" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task A_new_article_is_pushed_live_with_its_event_number()
    {
        await using var hub = await app.ConnectHubAsync(await app.CreateMemberAsync(Roles.Analyst));
        var received = Channel.CreateUnbounded<EventMessage>();
        hub.On<EventMessage>(EventTypes.ArticleIngested, e => received.Writer.TryWrite(e));
        var before = await hub.InvokeAsync<long>("LastEventNumber");

        var id = await AddArticleAsync("Live push");

        using var timeout = new CancellationTokenSource(Wait);
        EventMessage pushed;
        do pushed = await received.Reader.ReadAsync(timeout.Token); while (pushed.ArticleId != id);
        Assert.True(pushed.Number > before);
        Assert.Equal("Live push", pushed.Data.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Catch_up_returns_every_missed_event_in_order()
    {
        await using var hub = await app.ConnectHubAsync(await app.CreateMemberAsync(Roles.Analyst));
        var before = await hub.InvokeAsync<long>("LastEventNumber");
        var ids = new[] { await AddArticleAsync("Missed one"), await AddArticleAsync("Missed two"), await AddArticleAsync("Missed three") };

        var page = await hub.InvokeAsync<CatchUpPage>("CatchUp", before);

        var numbers = page.Events.Select(e => e.Number).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.All(numbers, n => Assert.True(n > before));
        Assert.Equal(ids, page.Events.Where(e => ids.Contains(e.ArticleId ?? 0)).Select(e => e.ArticleId!.Value));
        Assert.Equal(numbers[^1], page.Last);
    }

    [Fact]
    public async Task Catch_up_pages_long_gaps()
    {
        await using var hub = await app.ConnectHubAsync(await app.CreateMemberAsync(Roles.Analyst));

        var page = await hub.InvokeAsync<CatchUpPage>("CatchUp", 0L);

        Assert.True(page.Events.Count <= TrackerHub.CatchUpPageSize);
        var next = await hub.InvokeAsync<CatchUpPage>("CatchUp", page.Last);
        Assert.All(next.Events, e => Assert.True(e.Number > page.Last));
    }

    [Fact]
    public async Task Private_events_reach_only_their_owner()
    {
        var owner = await app.CreateMemberAsync(Roles.Analyst);
        var other = await app.CreateMemberAsync(Roles.Analyst);
        await using var ownerHub = await app.ConnectHubAsync(owner);
        await using var otherHub = await app.ConnectHubAsync(other);
        var before = await ownerHub.InvokeAsync<long>("LastEventNumber");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
            db.Events.Add(TrackerEvent.Create(EventTypes.SavedSearchMatched, null, new { name = "mine" }, owner.Id));
            await db.SaveChangesAsync();
        }

        var ownerSees = await ownerHub.InvokeAsync<CatchUpPage>("CatchUp", before);
        var otherSees = await otherHub.InvokeAsync<CatchUpPage>("CatchUp", before);
        Assert.Contains(ownerSees.Events, e => e.Type == EventTypes.SavedSearchMatched);
        Assert.DoesNotContain(otherSees.Events, e => e.Type == EventTypes.SavedSearchMatched);
    }

    [Fact]
    public async Task Joining_an_article_reports_presence_to_everyone_viewing_it()
    {
        var id = await AddArticleAsync("Presence");
        await using var first = await app.ConnectHubAsync(await app.CreateMemberAsync(Roles.Analyst, "Ana Lyst"));
        await using var second = await app.ConnectHubAsync(await app.CreateMemberAsync(Roles.Editor, "Ed Itor"));
        var presence = Channel.CreateUnbounded<PresenceMessage>();
        first.On<PresenceMessage>("presenceChanged", p => presence.Writer.TryWrite(p));

        var joined = await first.InvokeAsync<JoinResult>("JoinArticle", id);
        Assert.Equal(["Ana Lyst"], joined.Viewers);
        Assert.True(joined.LastEvent > 0);

        await second.InvokeAsync<JoinResult>("JoinArticle", id);
        using var timeout = new CancellationTokenSource(Wait);
        PresenceMessage update;
        do update = await presence.Reader.ReadAsync(timeout.Token); while (update.Viewers.Count < 2);
        Assert.Equal(["Ana Lyst", "Ed Itor"], update.Viewers);

        await second.StopAsync();
        do update = await presence.Reader.ReadAsync(timeout.Token); while (update.Viewers.Count > 1);
        Assert.Equal(["Ana Lyst"], update.Viewers);
    }

    [Fact]
    public async Task Joining_an_unknown_article_is_refused()
    {
        await using var hub = await app.ConnectHubAsync(await app.CreateMemberAsync(Roles.Analyst));
        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JoinResult>("JoinArticle", 999999));
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public async Task The_hub_refuses_connections_without_credentials()
    {
        var hub = new HubConnectionBuilder().WithUrl(new Uri(app.Address, "hubs/tracker")).Build();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
