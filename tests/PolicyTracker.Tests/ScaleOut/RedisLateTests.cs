using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Live;
using static PolicyTracker.Tests.Annotations.AnnotationFixtures;

namespace PolicyTracker.Tests.ScaleOut;

/// <summary>Nodes started while Redis is down serve, say so, and join each other once Redis comes up.</summary>
public sealed class RedisLateTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    static async Task<JsonElement> HealthAsync(TrackerApp node)
    {
        using var http = new HttpClient { BaseAddress = node.Address };
        using var response = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static string RedisStatus(JsonElement health) => health.GetProperty("redis").GetProperty("status").GetString()!;

    [Fact]
    public async Task Nodes_started_before_Redis_serve_and_deliver_across_nodes_once_it_is_up()
    {
        await using var servers = new ThrowawayServers();
        await servers.StartAsync(redis: false);
        RequiredPrograms.Require(servers.Missing is null, servers.Missing ?? "");
        var settings = TwoNodes.NodeSettings(servers.NewDatabase(), servers.Redis);
        await using var a = new TrackerApp(settings!);
        await using var b = new TrackerApp(settings!);

        // Serving, and saying Redis is missing.
        var health = await HealthAsync(b);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        Assert.Equal("unavailable", RedisStatus(health));
        using var editor = await a.CreateApiClientAsync(await a.CreateMemberAsync(Roles.Editor));
        const string text = "The agency will require model cards for every frontier release.";
        var created = await editor.PostAsJsonAsync("/api/articles", new { title = "Model cards", content = text, contentType = "text" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var articleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        await servers.StartRedisAsync();
        foreach (var node in new[] { a, b })
            Assert.Equal("ok", RedisStatus(await Eventually.ResultAsync(() => HealthAsync(node), h => RedisStatus(h) == "ok", Wait)));

        // The backplane and shared presence work: a client on B sees A's viewer and A's annotation.
        await using var onA = await a.ConnectHubAsync(await a.CreateMemberAsync(Roles.Analyst, "Ana on A"));
        await using var onB = await b.ConnectHubAsync(await b.CreateMemberAsync(Roles.Analyst, "Ben on B"));
        var seen = Channel.CreateUnbounded<EventMessage>();
        onB.On<EventMessage>(EventTypes.AnnotationCreated, e => seen.Writer.TryWrite(e));
        await onA.InvokeAsync<JoinResult>("JoinArticle", articleId);
        Assert.Equal(["Ana on A", "Ben on B"], (await onB.InvokeAsync<JoinResult>("JoinArticle", articleId)).Viewers);

        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsync(Container(articleId), LinkedData(On(text, "model cards", "Once Redis is up")))).StatusCode);
        using var timeout = new CancellationTokenSource(Wait);
        Assert.Contains("Once Redis is up", (await seen.Reader.ReadAsync(timeout.Token)).Data.GetRawText());
    }
}
