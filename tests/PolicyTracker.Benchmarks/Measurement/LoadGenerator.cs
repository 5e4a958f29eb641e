using System.Diagnostics;
using System.Net.Http.Headers;

namespace PolicyTracker.Benchmarks.Measurement;

/// <summary>Closed-loop HTTP load: N clients each sending the next request as soon as the last answered.</summary>
public static class LoadGenerator
{
    /// <summary>Requests per second and per-request latencies over <paramref name="duration"/>.</summary>
    public static Task<(double RequestsPerSecond, Stats Latency, int Errors)> RunAsync(
        Uri url, int clients, TimeSpan duration, string? bearerToken = null, CancellationToken ct = default, System.Net.CookieContainer? cookies = null) =>
        RunAsync([url], clients, duration, bearerToken, ct, cookies);

    /// <summary>The same, each client going round <paramref name="urls"/> from its own starting point.</summary>
    public static async Task<(double RequestsPerSecond, Stats Latency, int Errors)> RunAsync(
        IReadOnlyList<Uri> urls, int clients, TimeSpan duration, string? bearerToken = null, CancellationToken ct = default, System.Net.CookieContainer? cookies = null)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        if (cookies is not null) handler.CookieContainer = cookies;
        else handler.UseCookies = false;
        using var http = new HttpClient(handler);
        if (bearerToken is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);

        var latencies = new List<double>[clients];
        var errors = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var mine = latencies[c] = new List<double>(4096);
            var next = c * 7;
            while (Stopwatch.GetTimestamp() < stopAt && !ct.IsCancellationRequested)
            {
                var t = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(urls[next++ % urls.Count], HttpCompletionOption.ResponseContentRead, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        return (all.Count / elapsed, Stats.FromMilliseconds(all), errors);
    }
}
