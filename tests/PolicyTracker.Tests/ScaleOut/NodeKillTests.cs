using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Live;
using PolicyTracker.Web.ScaleOut;
using static PolicyTracker.Tests.Annotations.AnnotationFixtures;

namespace PolicyTracker.Tests.ScaleOut;

/// <summary>
/// Node B runs as its own process and is killed outright (no shutdown code runs, no lease is
/// released); node A takes over its work after the leases lapse, and B restarted over its old data
/// folder catches up on what it missed.
/// </summary>
public sealed class NodeKillTests(PostgresAndRedis servers) : IClassFixture<PostgresAndRedis>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    // The broadcaster's lease lapses 10 s after its last renewal; the other node asks every second.
    static readonly TimeSpan TakeOver = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task B_killed_outright_hands_its_broadcasting_to_A_and_restarted_catches_up_on_events_and_the_index()
    {
        RequiredPrograms.Require(servers.Missing is null, servers.Missing ?? "");
        var settings = TwoNodes.NodeSettings(servers.NewDatabase(), servers.Redis);
        var dataB = Directory.CreateTempSubdirectory("policytracker-killed-").FullName;
        try
        {
            // B starts alone, so it holds the leases (the broadcaster's among them) when it is killed.
            await using var b = await NodeProcess.StartAsync(settings, dataB);
            await using (var probe = PostgresNode.Services(settings["Database:ConnectionString"]))
            {
                var holder = await Eventually.ResultAsync(() => probe.GetRequiredService<Leases>().HolderAsync("event-broadcaster"), h => h is not null, Wait);
                Assert.StartsWith($"{Environment.MachineName}/{b.ProcessId}/", holder);
            }
            await using var a = new TrackerApp(settings!);
            var leases = a.Services.GetRequiredService<Leases>();

            var editorMember = await a.CreateMemberAsync(Roles.Editor);
            using var editor = await a.CreateApiClientAsync(editorMember);
            const string text = "The regulator fined a lab for skipping its evaluation report.";
            var articleId = await AddArticleAsync(editor, "Fine for a skipped report", text);
            await using var onA = await a.ConnectHubAsync(await a.CreateMemberAsync(Roles.Analyst, "Ana on A"));
            await using var viewerOnB = await TrackerApp.ConnectHubAsync(b.Address, await a.CreateTokenAsync(await a.CreateMemberAsync(Roles.Analyst, "Ben on B")));
            await viewerOnB.InvokeAsync<JoinResult>("JoinArticle", articleId);
            var seen = Channel.CreateUnbounded<EventMessage>();
            onA.On<EventMessage>(EventTypes.AnnotationCreated, e => seen.Writer.TryWrite(e));
            Assert.Equal(["Ana on A", "Ben on B"], (await onA.InvokeAsync<JoinResult>("JoinArticle", articleId)).Viewers);

            // Sent by B through the backplane to A's client.
            await AnnotateAsync(editor, articleId, text, "regulator", "Before the kill");
            Assert.Contains("Before the kill", (await NextAsync(seen, Wait)).Data.GetRawText());
            var before = await onA.InvokeAsync<long>("LastEventNumber");
            // B records each batch it sent right after sending it; a kill in between would have it sent again.
            Assert.True(await Eventually.ResultAsync(() => leases.PositionAsync("event-broadcaster"), p => p >= before, Wait) >= before);

            await b.KillAsync();
            var word = "zq" + Guid.NewGuid().ToString("N")[..10];
            var missed = await AddArticleAsync(editor, $"While B was down {word}", "An evaluation bill passed its second reading.");
            await AnnotateAsync(editor, articleId, text, "evaluation report", "While B was down");

            // A takes the lapsed lease and sends what B never did: that event, once, and not the one B had sent.
            var next = await NextAsync(seen, TakeOver);
            Assert.Contains("While B was down", next.Data.GetRawText());
            Assert.Equal(a.Services.GetRequiredService<NodeIdentity>().Id, await leases.HolderAsync("event-broadcaster"));
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.False(seen.Reader.TryRead(out var again), $"event {again?.Number} arrived again");
            // Nobody renews the dead node's viewers, so they drop out of presence.
            var viewers = await Eventually.ResultAsync(async () => (await onA.InvokeAsync<JoinResult>("JoinArticle", articleId)).Viewers,
                v => v.Count == 1, SharedPresence.EntryLife + Wait);
            Assert.Equal(["Ana on A"], viewers);

            // B restarted over its old index (left as the kill found it) catches up on events and the index.
            await using var restarted = await NodeProcess.StartAsync(settings, dataB);
            var token = await a.CreateTokenAsync(editorMember);
            using var reader = new HttpClient { BaseAddress = restarted.Address };
            reader.DefaultRequestHeaders.Authorization = new("Bearer", token);
            Assert.Equal(1, await Eventually.ResultAsync(
                async () => (await reader.GetFromJsonAsync<JsonElement>($"/api/search?q={word}")).GetProperty("total").GetInt32(), n => n > 0, Wait));
            await using var onB = await TrackerApp.ConnectHubAsync(restarted.Address, token);
            var page = await onB.InvokeAsync<CatchUpPage>("CatchUp", before);
            Assert.Contains(page.Events, e => e.Type == EventTypes.ArticleIngested && e.ArticleId == missed);
            Assert.Contains(page.Events, e => e.Type == EventTypes.AnnotationCreated && e.Data.GetRawText().Contains("While B was down"));

            // A keeps sending, now to B's clients too.
            var live = Channel.CreateUnbounded<EventMessage>();
            onB.On<EventMessage>(EventTypes.AnnotationCreated, e => live.Writer.TryWrite(e));
            await onB.InvokeAsync<JoinResult>("JoinArticle", articleId);
            await AnnotateAsync(editor, articleId, text, "lab", "After the restart");
            Assert.Contains("After the restart", (await NextAsync(live, Wait)).Data.GetRawText());
        }
        finally
        {
            try { Directory.Delete(dataB, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    static async Task<int> AddArticleAsync(HttpClient editor, string title, string content)
    {
        var response = await editor.PostAsJsonAsync("/api/articles", new { title, content, contentType = "text" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    static async Task AnnotateAsync(HttpClient editor, int articleId, string text, string exact, string comment) =>
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsync(Container(articleId), LinkedData(On(text, exact, comment)))).StatusCode);

    static async Task<EventMessage> NextAsync(Channel<EventMessage> events, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        return await events.Reader.ReadAsync(timeout.Token);
    }
}
