using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace PolicyTracker.Benchmarks.Measurement;

/// <summary>
/// Many real SignalR clients (WebSockets over loopback) in one process, recording when each
/// message, named by a key, reaches each client: per-delivery latency and when all had it.
/// </summary>
public sealed class HubFleet : IAsyncDisposable
{
    readonly List<HubConnection> connections = [];
    readonly ConcurrentDictionary<string, long> sent = new();
    readonly ConcurrentDictionary<string, int> received = new();
    readonly ConcurrentDictionary<string, long> completed = new();
    readonly ConcurrentQueue<double> latencies = new();

    /// <summary>Size in characters of the last message received (to size the baseline's messages alike).</summary>
    public int LastMessageLength { get; private set; }

    public int Count => connections.Count;

    /// <summary>Connects <paramref name="count"/> clients; each runs <paramref name="join"/> once connected. Without an event name they stay idle.</summary>
    public static async Task<HubFleet> ConnectAsync(Uri hub, string? token, int count, string? eventName, Func<JsonElement, string?> keyOf,
        Func<HubConnection, Task>? join, CancellationToken ct)
    {
        var fleet = new HubFleet();
        using var gate = new SemaphoreSlim(32);
        var tasks = Enumerable.Range(0, count).Select(async _ =>
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(hub, o =>
                {
                    if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                })
                .Build();
            if (eventName is not null)
                connection.On<JsonElement>(eventName, e => fleet.Received(keyOf(e), e));
            await gate.WaitAsync(ct);
            try
            {
                await connection.StartAsync(ct);
                if (join is not null) await join(connection);
            }
            finally
            {
                gate.Release();
            }
            lock (fleet.connections) fleet.connections.Add(connection);
        });
        await Task.WhenAll(tasks);
        return fleet;
    }

    /// <summary>Invokes a hub method on client <paramref name="index"/> (the baseline's senders).</summary>
    public Task InvokeAsync(int index, string method, string group, object message, CancellationToken ct) =>
        connections[index].InvokeAsync(method, group, message, ct);

    /// <summary>Notes that the message <paramref name="key"/> is being sent now.</summary>
    public void MarkSent(string key) => sent[key] = Stopwatch.GetTimestamp();

    void Received(string? key, JsonElement e)
    {
        var now = Stopwatch.GetTimestamp();
        if (key is null || !sent.TryGetValue(key, out var at)) return;
        latencies.Enqueue(Stopwatch.GetElapsedTime(at, now).TotalMilliseconds);
        if (received.AddOrUpdate(key, 1, (_, n) => n + 1) == Count) completed[key] = now;
        LastMessageLength = e.GetRawText().Length;
    }

    /// <summary>Waits until every client has every one of the keys, or the timeout; answers how many keys are complete.</summary>
    public async Task<int> WaitAllAsync(IReadOnlyCollection<string> keys, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (keys.Any(k => !completed.ContainsKey(k)) && Stopwatch.GetTimestamp() < deadline) await Task.Delay(20);
        return keys.Count(completed.ContainsKey);
    }

    /// <summary>Latency of every single delivery since the last reset, in ms.</summary>
    public IReadOnlyList<double> Deliveries => [.. latencies];

    /// <summary>Per message since the last reset, the time until the last client had it, in ms.</summary>
    public IReadOnlyList<double> AllClientDeliveries => [.. completed.Select(c => Stopwatch.GetElapsedTime(sent[c.Key], c.Value).TotalMilliseconds)];

    /// <summary>Latency of every single delivery, in ms.</summary>
    public Stats DeliveryLatency() => Stats.FromMilliseconds(latencies);

    /// <summary>Per message, the time until the last client had it, in ms.</summary>
    public Stats AllClientsLatency() => Stats.FromMilliseconds(completed.Select(c => Stopwatch.GetElapsedTime(sent[c.Key], c.Value).TotalMilliseconds));

    /// <summary>When the last completed message reached its last client.</summary>
    public long LastCompletion => completed.Values.DefaultIfEmpty(0).Max();

    public void Reset()
    {
        sent.Clear();
        received.Clear();
        completed.Clear();
        latencies.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        connections.Clear();
    }
}
