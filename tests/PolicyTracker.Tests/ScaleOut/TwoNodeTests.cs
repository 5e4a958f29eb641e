using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.SignalR.Client;
using PolicyTracker.Tests.Ingestion;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Live;
using static PolicyTracker.Tests.Annotations.AnnotationFixtures;

namespace PolicyTracker.Tests.ScaleOut;

/// <summary>Two nodes over one PostgreSQL database and one Redis: what a person on either node sees.</summary>
public sealed class TwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    static string UniqueWord() => "zq" + Guid.NewGuid().ToString("N")[..10];

    static async Task<int> AddArticleAsync(HttpClient editor, string title, string content)
    {
        var response = await editor.PostAsJsonAsync("/api/articles", new { title, content, contentType = "text" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    static async Task<int> SearchTotalAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(query)}")).GetProperty("total").GetInt32();

    [Fact]
    public async Task An_annotation_created_through_A_reaches_a_client_connected_to_B_live()
    {
        nodes.Require();
        using var editor = await nodes.A.CreateApiClientAsync(await nodes.A.CreateMemberAsync(Roles.Editor));
        const string text = "The agency will require model cards for every frontier release.";
        var articleId = await AddArticleAsync(editor, $"Model cards {UniqueWord()}", text);

        await using var hub = await nodes.B.ConnectHubAsync(await nodes.B.CreateMemberAsync(Roles.Analyst));
        var created = Channel.CreateUnbounded<EventMessage>();
        hub.On<EventMessage>(EventTypes.AnnotationCreated, e => created.Writer.TryWrite(e));
        await hub.InvokeAsync<JoinResult>("JoinArticle", articleId);

        var response = await editor.PostAsync(Container(articleId), LinkedData(On(text, "model cards", "Which template?")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        using var timeout = new CancellationTokenSource(Wait);
        var e = await created.Reader.ReadAsync(timeout.Token);
        Assert.Equal(articleId, e.ArticleId);
        Assert.Contains("Which template?", e.Data.GetRawText());
        // Once: both nodes follow the events, but only one sends through the backplane.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(created.Reader.TryRead(out var again), $"event {again?.Number} arrived twice");
    }

    [Fact]
    public async Task Presence_counts_viewers_on_both_nodes()
    {
        nodes.Require();
        using var editor = await nodes.A.CreateApiClientAsync(await nodes.A.CreateMemberAsync(Roles.Editor));
        var articleId = await AddArticleAsync(editor, $"Presence {UniqueWord()}", "Two readers on two nodes.");
        await using var onA = await nodes.A.ConnectHubAsync(await nodes.A.CreateMemberAsync(Roles.Analyst, "Ana on A"));
        await using var onB = await nodes.B.ConnectHubAsync(await nodes.B.CreateMemberAsync(Roles.Analyst, "Ben on B"));
        var seenOnA = Channel.CreateUnbounded<PresenceMessage>();
        onA.On<PresenceMessage>("presenceChanged", p => seenOnA.Writer.TryWrite(p));

        await onA.InvokeAsync<JoinResult>("JoinArticle", articleId);
        var joined = await onB.InvokeAsync<JoinResult>("JoinArticle", articleId);
        Assert.Equal(["Ana on A", "Ben on B"], joined.Viewers);

        // B's join is announced to A's client through Redis; B leaving is too.
        using var timeout = new CancellationTokenSource(Wait);
        PresenceMessage update;
        do update = await seenOnA.Reader.ReadAsync(timeout.Token); while (update.Viewers.Count < 2);
        await onB.StopAsync();
        do update = await seenOnA.Reader.ReadAsync(timeout.Token); while (update.Viewers.Count > 1);
        Assert.Equal(["Ana on A"], update.Viewers);
    }

    [Fact]
    public async Task An_article_ingested_on_A_becomes_searchable_on_B()
    {
        nodes.Require();
        using var editor = await nodes.A.CreateApiClientAsync(await nodes.A.CreateMemberAsync(Roles.Editor));
        using var reader = await nodes.B.CreateApiClientAsync(await nodes.B.CreateMemberAsync(Roles.Analyst));
        var word = UniqueWord();
        Assert.Equal(0, await SearchTotalAsync(reader, word));

        await AddArticleAsync(editor, $"Export rule {word}", "The ministry published its export rule for accelerators.");

        Assert.Equal(1, await Eventually.ResultAsync(() => SearchTotalAsync(reader, word), n => n > 0, Wait));
    }

    [Fact]
    public async Task A_cookie_and_an_antiforgery_token_from_A_work_on_B()
    {
        nodes.Require();
        var member = await nodes.A.CreateMemberAsync(Roles.Analyst);
        using var onA = nodes.A.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await onA.SignInAsync(member.Email, member.Password)).StatusCode);
        var form = new HtmlParser().ParseDocument(await onA.GetPageAsync("/saved-searches"))
            .QuerySelectorAll("form").First(f => f.GetAttribute("action") == "/saved-searches");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // The same cookies (loopback cookies ignore the port), sent to B.
        using var onB = new HttpClient(new HttpClientHandler { CookieContainer = onA.Cookies, AllowAutoRedirect = false }) { BaseAddress = nodes.B.Address };
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/saved-searches")).StatusCode);
        var name = UniqueWord();
        var withToken = await onB.PostAsync("/saved-searches", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = name, ["query"] = "export",
        }));
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.StartsWith("/saved-searches/", withToken.Headers.Location!.ToString());

        var withoutToken = await onB.PostAsync("/saved-searches", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name + "x", ["query"] = "export" }));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    [Fact]
    public async Task A_feed_is_polled_once_and_a_saved_search_match_is_delivered_once_across_both_nodes()
    {
        nodes.Require();
        var word = UniqueWord();
        var hooks = new ConcurrentQueue<string>();
        nodes.Site.Handle($"/hooks/{word}", async context =>
        {
            using var body = new StreamReader(context.Request.Body);
            hooks.Enqueue(await body.ReadToEndAsync());
            context.Response.StatusCode = 204;
        });
        var analyst = await nodes.B.CreateMemberAsync(Roles.Analyst);
        long before;
        await using (var hub = await nodes.A.ConnectHubAsync(analyst))
            before = await hub.InvokeAsync<long>("LastEventNumber");
        using var watcher = await nodes.B.CreateApiClientAsync(analyst);
        var saved = await watcher.PostAsJsonAsync("/api/saved-searches", new { name = "Watch", query = word, webhookUrl = nodes.Site.Url($"/hooks/{word}").ToString() });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var savedId = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var feedPath = $"/{word}/feed.xml";
        nodes.Site.Serve(feedPath, IngestionFixtures.Rss(nodes.Site.Address.ToString(),
            ($"Lab delays release {word}", nodes.Site.Url($"{feedPath}/1").ToString(),
                $"<p>The lab delayed the {word} release pending an external evaluation.</p>", "Mon, 04 May 2026 08:00:00 GMT")),
            "application/rss+xml");
        using var editor = await nodes.A.CreateApiClientAsync(await nodes.A.CreateMemberAsync(Roles.Editor));
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/feeds", new { url = nodes.Site.Url(feedPath), every = "1h" })).StatusCode);

        await Eventually.ResultAsync(() => Task.FromResult(hooks.Count), n => n > 0, TimeSpan.FromSeconds(20));
        // Both nodes poll every two seconds and match every second: give a second poll or match time to happen.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(1, nodes.Site.Hits.GetValueOrDefault(feedPath));
        Assert.Single(hooks);
        var matches = await watcher.GetFromJsonAsync<JsonElement>($"/api/saved-searches/{savedId}/matches");
        Assert.Equal(1, matches.GetProperty("total").GetInt32());
        await using var again = await nodes.A.ConnectHubAsync(analyst);
        var events = await again.InvokeAsync<CatchUpPage>("CatchUp", before);
        Assert.Single(events.Events, e => e.Type == EventTypes.SavedSearchMatched && e.Data.GetRawText().Contains(word));
    }
}
