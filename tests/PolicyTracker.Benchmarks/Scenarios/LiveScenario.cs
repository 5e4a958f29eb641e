using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using PolicyTracker.Benchmarks.Cli;
using PolicyTracker.Benchmarks.Measurement;
using PolicyTracker.Benchmarks.Servers;

namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>
/// Live annotation: 100 SignalR clients in one article's group while annotations are created over
/// HTTP at 10 per second (delivery latency to every client), then as fast as 8 senders can
/// (create, store, broadcast), each beside a bare echo hub doing the same in the same run; and the
/// memory 1,000 idle connections take in each server.
/// </summary>
public sealed class LiveScenario : IScenario
{
    const string Group = "bench";

    public string Name => "live";

    public string Description => "Annotations pushed live to 100 clients: latency at 10/s, throughput and idle-connection memory vs a bare echo hub";

    public IReadOnlyCollection<string> ExtraOptions => ["seconds", "clients", "idle", "senders"];

    public async Task<int> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        int Option(string name, int fallback) => int.Parse(options.Extra.GetValueOrDefault(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var (seconds, clients, idle, senders) = (Option("seconds", 30), Option("clients", 100), Option("idle", 1000), Option("senders", 8));
        var data = Directory.CreateTempSubdirectory("policytracker-live-bench-").FullName;
        try
        {
            Console.Error.WriteLine("Preparing: a member, a token and the app with the sample corpus…");
            await AppServer.RunVerbAsync(data, "bench password 42", "users", "add", "--email", "bench@example.test", "--role", "Analyst");
            var token = (await AppServer.RunVerbAsync(data, "", "tokens", "create", "--email", "bench@example.test")).TrimEnd().Split('\n')[^1];
            await using var app = await AppServer.StartAsync(data);
            using var http = new HttpClient { BaseAddress = app.Address };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var list = JsonDocument.Parse(await http.GetStringAsync("/api/articles?pageSize=1", ct));
            var articleId = list.RootElement.GetProperty("items")[0].GetProperty("id").GetInt32();
            using var article = JsonDocument.Parse(await http.GetStringAsync($"/api/articles/{articleId}", ct));
            var exact = article.RootElement.GetProperty("text").GetString()!.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
            exact = exact[..Math.Min(60, exact.Length)];
            var container = $"/annotations/articles/{articleId}/";
            async Task Annotate(string key)
            {
                var body = JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["@context"] = "http://www.w3.org/ns/anno.jsonld", ["type"] = "Annotation",
                    ["body"] = new { type = "TextualBody", value = key, purpose = "commenting" },
                    ["target"] = new { selector = new { type = "TextQuoteSelector", exact } },
                });
                using var response = await http.PostAsync(container, new StringContent(body, Encoding.UTF8, "application/ld+json"), ct);
                response.EnsureSuccessStatusCode();
            }
            static string? OurKey(JsonElement e) => e.GetProperty("data").GetProperty("annotation").GetProperty("body")[0].GetProperty("value").GetString();

            // Ours: 100 clients in the article's group.
            Console.Error.WriteLine($"Connecting {clients} clients to the app…");
            var ours = await HubFleet.ConnectAsync(new Uri(app.Address, "hubs/tracker"), token, clients, "annotationCreated", OurKey,
                h => h.InvokeAsync<JsonElement>("JoinArticle", articleId, ct), ct);
            var (ourLatency, ourAll, ourMissing) = await AtRateAsync(ours, "warm", 20, Annotate);
            (ourLatency, ourAll, ourMissing) = await AtRateAsync(ours, "rate", seconds * 10, Annotate);
            Console.Error.WriteLine($"  app at 10/s: {ourLatency}");
            var ourThroughput = await FlatOutAsync(ours, senders, Annotate, ct);
            Console.Error.WriteLine($"  app flat out: {ourThroughput:N0} annotations/s delivered to all {clients}");
            var padding = new string('x', Math.Max(0, ours.LastMessageLength - 40));
            await ours.DisposeAsync();

            // Baseline: the same clients on a bare echo hub.
            var (echoProcess, echoHub) = await EchoHubServer.StartAsync();
            try
            {
                var echo = await HubFleet.ConnectAsync(echoHub, null, clients, "echo", e => e.GetProperty("key").GetString(), h => h.InvokeAsync("Join", Group, ct), ct);
                await using var sender = await HubFleet.ConnectAsync(echoHub, null, senders, null, _ => null, null, ct);
                Task Echo(string key) => sender.InvokeAsync(Math.Abs(key.GetHashCode()) % senders, "Echo", Group, new { key, padding }, ct);
                var (echoLatency, echoAll, _) = await AtRateAsync(echo, "warm", 20, Echo);
                (echoLatency, echoAll, _) = await AtRateAsync(echo, "rate", seconds * 10, Echo);
                Console.Error.WriteLine($"  echo at 10/s: {echoLatency}");
                var echoThroughput = await FlatOutAsync(echo, senders, Echo, ct);
                Console.Error.WriteLine($"  echo flat out: {echoThroughput:N0} messages/s delivered to all {clients}");
                await echo.DisposeAsync();

                Console.Error.WriteLine($"Measuring {idle} idle connections in each server…");
                var ourKb = await IdleMemoryAsync(app.ProcessId, new Uri(app.Address, "hubs/tracker"), token, idle, ct);
                var echoKb = await IdleMemoryAsync(echoProcess.Id, echoHub, null, idle, ct);

                var report = new Report(Name, $"clients={clients} rate=10/s seconds={seconds} senders={senders} idle={idle}");
                report.Add("delivery latency p50", "ms", ourLatency.Median, echoLatency.Median)
                    .Add("delivery latency p95", "ms", ourLatency.P95, echoLatency.P95)
                    .Add("delivery latency p99", "ms", ourLatency.P99, echoLatency.P99)
                    .Add("reached all clients p99", "ms", ourAll.P99, echoAll.P99)
                    .Add("throughput to all clients", "msg/s", ourThroughput, echoThroughput)
                    .Add("memory per idle connection", "KB", ourKb, echoKb);
                report.Print();
                report.AppendToResultsFile();
                if (ourMissing > 0) Console.Error.WriteLine($"{ourMissing} annotations did not reach every client.");
                return ourMissing == 0 ? 0 : 1;
            }
            finally
            {
                echoProcess.Kill();
                await echoProcess.WaitForExitAsync(ct);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, true); } catch (IOException) { }
        }
    }

    /// <summary>Sends <paramref name="count"/> messages at 10 per second; latencies once all arrived (or 10 s passed).</summary>
    static async Task<(Stats Delivery, Stats AllClients, int Missing)> AtRateAsync(HubFleet fleet, string prefix, int count, Func<string, Task> send)
    {
        fleet.Reset();
        var keys = new List<string>();
        var sends = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < count; i++)
        {
            await timer.WaitForNextTickAsync();
            var key = $"{prefix}-{i}";
            keys.Add(key);
            fleet.MarkSent(key);
            sends.Add(send(key));
        }
        await Task.WhenAll(sends);
        var complete = await fleet.WaitAllAsync(keys, TimeSpan.FromSeconds(10));
        return (fleet.DeliveryLatency(), fleet.AllClientsLatency(), keys.Count - complete);
    }

    /// <summary>Messages per second that reached every client, with <paramref name="senders"/> sending as fast as they can for 10 s.</summary>
    static async Task<double> FlatOutAsync(HubFleet fleet, int senders, Func<string, Task> send, CancellationToken ct)
    {
        fleet.Reset();
        var keys = new System.Collections.Concurrent.ConcurrentBag<string>();
        var start = Stopwatch.GetTimestamp();
        var until = start + 10 * Stopwatch.Frequency;
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < until && !ct.IsCancellationRequested)
            {
                var key = $"flat-{Interlocked.Increment(ref next)}";
                keys.Add(key);
                fleet.MarkSent(key);
                await send(key);
            }
        }));
        var complete = await fleet.WaitAllAsync([.. keys], TimeSpan.FromSeconds(30));
        return complete / Stopwatch.GetElapsedTime(start, fleet.LastCompletion).TotalSeconds;
    }

    /// <summary>Growth of the server's resident memory per connection when <paramref name="count"/> idle clients connect, in KB.</summary>
    static async Task<double> IdleMemoryAsync(int pid, Uri hub, string? token, int count, CancellationToken ct)
    {
        await Task.Delay(2000, ct);
        var before = ResidentKb(pid);
        await using var fleet = await HubFleet.ConnectAsync(hub, token, count, null, _ => null, null, ct);
        await Task.Delay(3000, ct);
        return (ResidentKb(pid) - before) / (double)count;
    }

    static long ResidentKb(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
