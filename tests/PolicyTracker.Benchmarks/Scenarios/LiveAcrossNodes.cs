using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PolicyTracker.Benchmarks.Measurement;
using PolicyTracker.Benchmarks.Servers;
using PolicyTracker.Tests.ScaleOut;

namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>
/// <c>live --nodes 2</c>: two app nodes over a throwaway PostgreSQL joined by a throwaway Redis,
/// annotations posted to node A at 10/s and delivered to clients connected to node B, beside a
/// single SQLite node (posts and clients on the same node) in the same run, ABBA rounds; then the
/// delay from an article posted to A until a search on B finds it, beside the same on the single node.
/// </summary>
public static class LiveAcrossNodes
{
    public static async Task<int> RunAsync(int seconds, int clients, CancellationToken ct)
    {
        await using var servers = new ThrowawayServers();
        await servers.StartAsync();
        if (servers.Missing is not null)
        {
            Console.Error.WriteLine(servers.Missing);
            return 2;
        }
        var shared = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = servers.NewDatabase(),
            ["Live__Redis"] = servers.Redis,
        };
        var folders = Enumerable.Range(0, 3).Select(_ => Directory.CreateTempSubdirectory("policytracker-nodes-bench-").FullName).ToArray();
        try
        {
            Console.Error.WriteLine("Preparing: members and tokens, a single SQLite node and two PostgreSQL + Redis nodes…");
            var singleToken = await TokenAsync(folders[0], null);
            var nodesToken = await TokenAsync(folders[1], shared);
            await using var single = await AppServer.StartAsync(folders[0]);
            await using var a = await AppServer.StartAsync(folders[1], shared);
            await using var b = await AppServer.StartAsync(folders[2], shared);

            var singleSide = await SideAsync(single.Address, single.Address, singleToken, clients, ct);
            var nodesSide = await SideAsync(a.Address, b.Address, nodesToken, clients, ct);
            await using var _1 = singleSide.Fleet;
            await using var _2 = nodesSide.Fleet;
            // Both sides warm up alike, twice in turn. A fresh app spent about 75 ms of CPU per
            // annotation on its first hundred (JIT, first EF queries), 4 ms after: with 20 each, the
            // first measured round, always the nodes' side, ran half cold.
            foreach (var side in new[] { singleSide, nodesSide, singleSide, nodesSide }) await side.RoundAsync("warm", 100);

            // CPU of every server process of each side, per annotation: the nodes' side is A, B,
            // PostgreSQL (with its backends) and Redis; the baseline is the single node.
            int[] NodesProcesses() => [a.ProcessId, b.ProcessId, .. servers.RedisProcessId is int r ? [r] : Array.Empty<int>(),
                .. servers.PostgresProcessId is int p ? ProcessCpu.WithChildren(p) : []];
            // What the servers use when nothing happens (pollers, lease renewals), which the figures per annotation include.
            var idleBefore = ProcessCpu.Sample([single.ProcessId, .. NodesProcesses()]);
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            var idleAfter = ProcessCpu.Sample([single.ProcessId, .. NodesProcesses()]);
            double IdleMs(params int[] pids) => ProcessCpu.Between(idleBefore, idleAfter.Where(p => pids.Contains(p.Key)).ToDictionary()).TotalMilliseconds / 5;
            Console.Error.WriteLine($"  idle CPU per second: single {IdleMs(single.ProcessId):F1} ms; A {IdleMs(a.ProcessId):F1}, B {IdleMs(b.ProcessId):F1}, Redis {IdleMs(servers.RedisProcessId ?? 0):F1}, PostgreSQL {IdleMs([.. idleAfter.Keys.Except([single.ProcessId, a.ProcessId, b.ProcessId, servers.RedisProcessId ?? 0])]):F1} ms");

            var (singleLatency, nodesLatency) = (new List<double>(), new List<double>());
            var (singleCpu, nodesCpu) = (TimeSpan.Zero, TimeSpan.Zero);
            var missing = 0;
            var round = 0;
            var count = seconds * 10 / 2;
            foreach (var nodesNow in new[] { true, false, false, true })
            {
                var side = nodesNow ? nodesSide : singleSide;
                var before = ProcessCpu.Sample(nodesNow ? NodesProcesses() : [single.ProcessId]);
                missing += await side.RoundAsync($"r{round++}", count);
                var after = ProcessCpu.Sample(nodesNow ? NodesProcesses() : [single.ProcessId]);
                var cpu = ProcessCpu.Between(before, after);
                if (nodesNow) nodesCpu += cpu; else singleCpu += cpu;
                (nodesNow ? nodesLatency : singleLatency).AddRange(side.Fleet.Deliveries);
                double Per(params int[] pids) => ProcessCpu.Between(before, after.Where(p => pids.Contains(p.Key)).ToDictionary()).TotalMilliseconds / count;
                var parts = nodesNow
                    ? $" (A {Per(a.ProcessId):F2}, B {Per(b.ProcessId):F2}, Redis {Per(servers.RedisProcessId ?? 0):F2}, PostgreSQL {Per([.. after.Keys.Except([a.ProcessId, b.ProcessId, servers.RedisProcessId ?? 0])]):F2})"
                    : "";
                Console.Error.WriteLine($"  {(nodesNow ? "A→B " : "single")} at 10/s: {side.Fleet.DeliveryLatency()}; CPU {cpu.TotalMilliseconds / count:F2} ms per annotation{parts}");
            }

            Console.Error.WriteLine("Ingest to searchable: 30 articles on each side…");
            var (singleSearchable, nodesSearchable) = (new List<double>(), new List<double>());
            for (var i = 0; i < 30; i++)
            {
                nodesSearchable.Add(await SearchableAfterAsync(nodesSide, ct));
                singleSearchable.Add(await SearchableAfterAsync(singleSide, ct));
            }

            var (n, s) = (Stats.FromMilliseconds(nodesLatency), Stats.FromMilliseconds(singleLatency));
            var (ns, ss) = (Stats.FromMilliseconds(nodesSearchable), Stats.FromMilliseconds(singleSearchable));
            var report = new Report("live --nodes 2", $"clients={clients} rate=10/s seconds={seconds}; ours = post on A, clients on B (PostgreSQL + Redis); baseline = one SQLite node");
            report.Add("delivery latency p50", "ms", n.Median, s.Median)
                .Add("delivery latency p95", "ms", n.P95, s.P95)
                .Add("delivery latency p99", "ms", n.P99, s.P99)
                .Add("server CPU per annotation (all server processes)", "ms", nodesCpu.TotalMilliseconds / (2 * count), singleCpu.TotalMilliseconds / (2 * count))
                .Add("ingest to searchable on the other node p50", "ms", ns.Median, ss.Median)
                .Add("ingest to searchable on the other node p95", "ms", ns.P95, ss.P95);
            report.Print();
            report.AppendToResultsFile();
            if (missing > 0) Console.Error.WriteLine($"{missing} annotations did not reach every client.");
            return missing == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var folder in folders)
                try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    static async Task<string> TokenAsync(string data, IDictionary<string, string>? settings)
    {
        await AppServer.RunVerbAsync(data, settings, "bench password 42", "users", "add", "--email", "bench@example.test", "--role", "Editor");
        return (await AppServer.RunVerbAsync(data, settings, "", "tokens", "create", "--email", "bench@example.test")).TrimEnd().Split('\n')[^1];
    }

    /// <summary>Posts go to <paramref name="writer"/>; the clients listen on <paramref name="reader"/>.</summary>
    sealed record Side(HttpClient Writer, HttpClient Reader, HubFleet Fleet, string Container, string Exact)
    {
        public async Task<int> RoundAsync(string prefix, int count) =>
            (await LiveScenario.AtRateAsync(Fleet, prefix, count, AnnotateAsync)).Missing;

        async Task AnnotateAsync(string key)
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["@context"] = "http://www.w3.org/ns/anno.jsonld", ["type"] = "Annotation",
                ["body"] = new { type = "TextualBody", value = key, purpose = "commenting" },
                ["target"] = new { selector = new { type = "TextQuoteSelector", exact = Exact } },
            });
            using var response = await Writer.PostAsync(Container, new StringContent(body, Encoding.UTF8, "application/ld+json"));
            response.EnsureSuccessStatusCode();
        }
    }

    static async Task<Side> SideAsync(Uri writer, Uri reader, string token, int clients, CancellationToken ct)
    {
        HttpClient Client(Uri address)
        {
            var http = new HttpClient { BaseAddress = address };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return http;
        }
        var (w, r) = (Client(writer), Client(reader));
        using var list = JsonDocument.Parse(await w.GetStringAsync("/api/articles?pageSize=1", ct));
        var articleId = list.RootElement.GetProperty("items")[0].GetProperty("id").GetInt32();
        using var article = JsonDocument.Parse(await w.GetStringAsync($"/api/articles/{articleId}", ct));
        var exact = article.RootElement.GetProperty("text").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        static string? Key(JsonElement e) => e.GetProperty("data").GetProperty("annotation").GetProperty("body")[0].GetProperty("value").GetString();
        var fleet = await HubFleet.ConnectAsync(new Uri(reader, "hubs/tracker"), token, clients, "annotationCreated", Key,
            h => h.InvokeAsync<JsonElement>("JoinArticle", articleId, ct), ct);
        return new Side(w, r, fleet, $"/annotations/articles/{articleId}/", exact[..Math.Min(60, exact.Length)]);
    }

    /// <summary>Milliseconds from posting an article with a new word to the writer until a search on the reader finds it.</summary>
    static async Task<double> SearchableAfterAsync(Side side, CancellationToken ct)
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var started = Stopwatch.GetTimestamp();
        using var response = await side.Writer.PostAsJsonAsync("/api/articles",
            new { title = $"Benchmark {word}", content = $"The regulator published guidance on {word} evaluations.", contentType = "text" }, ct);
        response.EnsureSuccessStatusCode();
        while (true)
        {
            using var found = JsonDocument.Parse(await side.Reader.GetStringAsync($"/api/search?q={word}", ct));
            if (found.RootElement.GetProperty("total").GetInt32() > 0) return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30)) throw new TimeoutException($"'{word}' never became searchable.");
            await Task.Delay(10, ct);
        }
    }
}
