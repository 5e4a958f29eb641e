using System.Net.Http.Headers;
using System.Text.Json;
using PolicyTracker.Benchmarks.Cli;
using PolicyTracker.Benchmarks.Measurement;
using PolicyTracker.Benchmarks.Servers;

namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>
/// Article page requests per second (signed in with a token, Razor, database read) against a bare
/// Kestrel endpoint writing the same HTML, both as their own processes, 16 clients each, in
/// alternating rounds so drift hits both sides alike.
/// </summary>
public sealed class PageScenario : IScenario
{
    public string Name => "page";

    public string Description => "Article page req/s vs a bare endpoint writing the same HTML (16 clients; --seconds per round, default 10)";

    public IReadOnlyCollection<string> ExtraOptions => ["seconds", "clients", "auth"];

    public async Task<int> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var seconds = int.Parse(options.Extra.GetValueOrDefault("seconds", "10"), System.Globalization.CultureInfo.InvariantCulture);
        var clients = int.Parse(options.Extra.GetValueOrDefault("clients", "16"), System.Globalization.CultureInfo.InvariantCulture);
        var data = Directory.CreateTempSubdirectory("policytracker-page-bench-").FullName;
        try
        {
            Console.Error.WriteLine("Preparing: a member, a token and the app with the sample corpus…");
            await AppServer.RunVerbAsync(data, "bench password 42", "users", "add", "--email", "bench@example.test", "--role", "Analyst");
            var token = (await AppServer.RunVerbAsync(data, "", "tokens", "create", "--email", "bench@example.test")).TrimEnd().Split('\n')[^1];
            // --auth cookie (default) reads as a signed-in browser does; token as a script does;
            // anonymous without sign-in (Security:AllowAnonymousRead), to show what auth costs.
            var auth = options.Extra.GetValueOrDefault("auth", "cookie");
            var anonymous = auth == "anonymous";
            await using var app = await AppServer.StartAsync(data, anonymous ? new Dictionary<string, string> { ["Security__AllowAnonymousRead"] = "true" } : null);

            var (pageUrl, html) = await PickArticlePageAsync(app.Address, token, ct);
            var cookies = auth == "cookie" ? await SignInAsync(app.Address, "bench@example.test", "bench password 42", ct) : null;
            var bearer = auth == "token" ? token : null;
            var file = Path.Combine(data, "page.html");
            await File.WriteAllTextAsync(file, html, ct);
            var (bare, bareAddress) = await BareServer.StartAsync(file);
            try
            {
                Console.Error.WriteLine($"Page {pageUrl} ({html.Length:N0} chars); warming up…");
                await LoadGenerator.RunAsync(pageUrl, clients, TimeSpan.FromSeconds(3), bearer, ct, cookies);
                await LoadGenerator.RunAsync(bareAddress, clients, TimeSpan.FromSeconds(3), null, ct);

                var ours = new List<(double Rps, Stats Latency, double CpuMs)>();
                var baseline = new List<(double Rps, Stats Latency, double CpuMs)>();
                using var appProcess = System.Diagnostics.Process.GetProcessById(app.ProcessId);
                var errors = 0;
                for (var round = 0; round < 4; round++)
                {
                    // ABBA order, so neither side always goes first.
                    var oursFirst = round is 0 or 3;
                    foreach (var side in oursFirst ? new[] { true, false } : [false, true])
                    {
                        // Server CPU per request as well: it is what the page costs, whatever else shares the cores.
                        var server = side ? appProcess : bare;
                        server.Refresh();
                        var (cpuBefore, started) = (server.TotalProcessorTime, System.Diagnostics.Stopwatch.GetTimestamp());
                        var r = side
                            ? await LoadGenerator.RunAsync(pageUrl, clients, TimeSpan.FromSeconds(seconds / 2.0), bearer, ct, cookies)
                            : await LoadGenerator.RunAsync(bareAddress, clients, TimeSpan.FromSeconds(seconds / 2.0), null, ct);
                        server.Refresh();
                        var requests = r.RequestsPerSecond * System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
                        var cpuMs = (server.TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, requests);
                        errors += r.Errors;
                        (side ? ours : baseline).Add((r.RequestsPerSecond, r.Latency, cpuMs));
                        Console.Error.WriteLine($"  round {round + 1} {(side ? "page" : "bare")}: {r.RequestsPerSecond:N0} req/s, {cpuMs * 1000:N0} µs CPU per request");
                    }
                }

                var report = new Report(Name, $"clients={clients} seconds={seconds} html={html.Length} auth={auth}");
                report.Add("throughput", "req/s", ours.Average(o => o.Rps), baseline.Average(b => b.Rps))
                    .Add("latency median", "ms", ours.Average(o => o.Latency.Median), baseline.Average(b => b.Latency.Median))
                    .Add("latency p95", "ms", ours.Average(o => o.Latency.P95), baseline.Average(b => b.Latency.P95))
                    .Add("server CPU per request", "µs", ours.Average(o => o.CpuMs) * 1000, baseline.Average(b => b.CpuMs) * 1000);
                report.Print();
                report.AppendToResultsFile();
                if (errors > 0) Console.Error.WriteLine($"{errors} requests failed.");
                return errors == 0 ? 0 : 1;
            }
            finally
            {
                bare.Kill();
                await bare.WaitForExitAsync(ct);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, true); } catch (IOException) { }
        }
    }

    /// <summary>Signs in through the form as a browser does; the cookies (sign-in and antiforgery) come back.</summary>
    static async Task<System.Net.CookieContainer> SignInAsync(Uri app, string email, string password, CancellationToken ct)
    {
        var cookies = new System.Net.CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app };
        var form = await http.GetStringAsync("/account/signin", ct);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await http.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }), ct);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        return cookies;
    }

    /// <summary>An article page of typical length (the median of the first page of the list).</summary>
    static async Task<(Uri Url, string Html)> PickArticlePageAsync(Uri app, string token, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = app };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var list = JsonDocument.Parse(await http.GetStringAsync("/api/articles?pageSize=50", ct));
        var pages = new List<(Uri, string)>();
        foreach (var item in list.RootElement.GetProperty("items").EnumerateArray())
        {
            var url = new Uri(app, $"/articles/{item.GetProperty("id").GetInt32()}");
            pages.Add((url, await http.GetStringAsync(url, ct)));
        }
        return pages.OrderBy(p => p.Item2.Length).ElementAt(pages.Count / 2);
    }
}
