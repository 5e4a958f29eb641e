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

    public string Description => "Annotations pushed live to 100 clients: latency at 10/s, throughput, idle-connection memory vs a bare echo hub (ABBA rounds)";

    public IReadOnlyCollection<string> ExtraOptions => ["seconds", "clients", "idle", "senders", "nodes"];

    public async Task<int> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        int Option(string name, int fallback) => int.Parse(options.Extra.GetValueOrDefault(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var (seconds, clients, idle, senders) = (Option("seconds", 30), Option("clients", 100), Option("idle", 1000), Option("senders", 8));
        // Two nodes on PostgreSQL and Redis beside one SQLite node (LiveAcrossNodes).
        if (Option("nodes", 1) == 2) return await LiveAcrossNodes.RunAsync(seconds, clients, ct);
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
            var (ourSends, echoSends) = (new System.Collections.Concurrent.ConcurrentQueue<double>(), new System.Collections.Concurrent.ConcurrentQueue<double>());
            async Task Annotate(string key)
            {
                var started = Stopwatch.GetTimestamp();
                var body = JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["@context"] = "http://www.w3.org/ns/anno.jsonld", ["type"] = "Annotation",
                    ["body"] = new { type = "TextualBody", value = key, purpose = "commenting" },
                    ["target"] = new { selector = new { type = "TextQuoteSelector", exact } },
                });
                using var response = await http.PostAsync(container, new StringContent(body, Encoding.UTF8, "application/ld+json"), ct);
                response.EnsureSuccessStatusCode();
                ourSends.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            static string? OurKey(JsonElement e) => e.GetProperty("data").GetProperty("annotation").GetProperty("body")[0].GetProperty("value").GetString();

            // Both servers run side by side with their own 100 clients; rounds alternate (ABBA) so load
            // from anything else on the machine falls on both sides alike.
            Console.Error.WriteLine($"Connecting {clients} clients to the app and {clients} to the echo hub…");
            await using var ours = await HubFleet.ConnectAsync(new Uri(app.Address, "hubs/tracker"), token, clients, "annotationCreated", OurKey,
                h => h.InvokeAsync<JsonElement>("JoinArticle", articleId, ct), ct);
            await AtRateAsync(ours, "warm", 20, Annotate);
            var padding = new string('x', Math.Max(0, ours.LastMessageLength - 40));
            var (echoProcess, echoHub) = await EchoHubServer.StartAsync();
            try
            {
                await using var echo = await HubFleet.ConnectAsync(echoHub, null, clients, "echo", e => e.GetProperty("key").GetString(), h => h.InvokeAsync("Join", Group, ct), ct);
                await using var sender = await HubFleet.ConnectAsync(echoHub, null, senders, null, _ => null, null, ct);
                async Task Echo(string key)
                {
                    var started = Stopwatch.GetTimestamp();
                    await sender.InvokeAsync(Math.Abs(key.GetHashCode()) % senders, "Echo", Group, new { key, padding }, ct);
                    echoSends.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                await AtRateAsync(echo, "warm", 20, Echo);

                ourSends.Clear();
                echoSends.Clear();
                var (ourLatency, echoLatency) = (new List<double>(), new List<double>());
                var (ourAll, echoAll) = (new List<double>(), new List<double>());
                var (ourRate, echoRate) = (new List<double>(), new List<double>());
                var missing = 0;
                foreach (var oursNow in new[] { true, false, false, true })
                {
                    var (fleet, send) = oursNow ? (ours, (Func<string, Task>)Annotate) : (echo, Echo);
                    var (delivery, all, lost) = await AtRateAsync(fleet, $"rate{ourLatency.Count + echoLatency.Count}", seconds * 10 / 2, send);
                    (oursNow ? ourLatency : echoLatency).AddRange(fleet.Deliveries);
                    (oursNow ? ourAll : echoAll).AddRange(fleet.AllClientDeliveries);
                    if (oursNow) missing += lost;
                    Console.Error.WriteLine($"  {(oursNow ? "app " : "echo")} at 10/s: {delivery}");
                }
                var (ourSend, echoSend) = (Stats.FromMilliseconds(ourSends), Stats.FromMilliseconds(echoSends));
                foreach (var oursNow in new[] { false, true, true, false })
                {
                    var rate = await FlatOutAsync(oursNow ? ours : echo, senders, oursNow ? Annotate : Echo, ct);
                    (oursNow ? ourRate : echoRate).Add(rate);
                    Console.Error.WriteLine($"  {(oursNow ? "app " : "echo")} flat out: {rate:N0} messages/s delivered to all {clients}");
                }

                Console.Error.WriteLine($"Measuring {idle} idle connections in each server…");
                var ourKb = await IdleMemoryAsync(app.ProcessId, new Uri(app.Address, "hubs/tracker"), token, idle, ct);
                var echoKb = await IdleMemoryAsync(echoProcess.Id, echoHub, null, idle, ct);

                var (a, b) = (Stats.FromMilliseconds(ourLatency), Stats.FromMilliseconds(echoLatency));
                var report = new Report(Name, $"clients={clients} rate=10/s seconds={seconds} senders={senders} idle={idle}");
                report.Add("delivery latency p50", "ms", a.Median, b.Median)
                    .Add("delivery latency p95", "ms", a.P95, b.P95)
                    .Add("delivery latency p99", "ms", a.P99, b.P99)
                    .Add("send round trip p95 (HTTP POST / hub invoke)", "ms", ourSend.P95, echoSend.P95)
                    .Add("reached all clients p99", "ms", Stats.FromMilliseconds(ourAll).P99, Stats.FromMilliseconds(echoAll).P99)
                    .Add("throughput to all clients", "msg/s", ourRate.Average(), echoRate.Average())
                    .Add("memory per idle connection", "KB", ourKb, echoKb);
                report.Print();
                report.AppendToResultsFile();
                if (missing > 0) Console.Error.WriteLine($"{missing} annotations did not reach every client.");
                return missing == 0 ? 0 : 1;
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
    internal static async Task<(Stats Delivery, Stats AllClients, int Missing)> AtRateAsync(HubFleet fleet, string prefix, int count, Func<string, Task> send)
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

    /// <summary>Messages per second that reached every client, with <paramref name="senders"/> sending as fast as they can for 5 s.</summary>
    static async Task<double> FlatOutAsync(HubFleet fleet, int senders, Func<string, Task> send, CancellationToken ct)
    {
        fleet.Reset();
        var keys = new System.Collections.Concurrent.ConcurrentBag<string>();
        var start = Stopwatch.GetTimestamp();
        var until = start + 5 * Stopwatch.Frequency;
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
