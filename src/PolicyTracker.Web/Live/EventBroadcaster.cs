using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Live;

/// <summary>
/// Follows the events table and pushes each new event to the clients that may see it:
/// the owner alone for private events, the article's group for article events, and every
/// member for new articles. It starts from the newest event at start-up; clients that were
/// away ask for older ones through <see cref="TrackerHub.CatchUp"/>.
/// With the Redis backplane (several nodes) a send reaches the clients of every node, so only
/// the holder of the <c>event-broadcaster</c> lease sends; the others follow along, and one that
/// takes over sends again the events of the last moments, which clients skip by number if seen.
/// </summary>
public sealed class EventBroadcaster(
    IServiceScopeFactory scopes, IHubContext<TrackerHub> hub, EventSignal signal, ILogger<EventBroadcaster> log,
    Infrastructure.TrackerSettings settings, ScaleOut.Leases leases)
    : BackgroundService
{
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(10);
    readonly ScaleOut.HeldLease? lease = string.IsNullOrWhiteSpace(settings.Live.Redis) ? null : leases.For("event-broadcaster", LeaseTime);
    bool sending;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wake = signal.Subscribe();
        long last = await NewestNumber(stoppingToken);
        sending = lease is null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (lease is not null)
                {
                    var held = await lease.HoldAsync(stoppingToken);
                    if (held && !sending) last = await TakeOverFrom(last, stoppingToken);
                    sending = held;
                }
                last = await BroadcastAfter(last, stoppingToken);
                await wake.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Broadcasting events after {Last} failed; retrying", last);
                await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        if (lease is not null) await lease.ReleaseAsync();
    }

    /// <summary>Where a new sender starts: before the events of the last two lease times, which the previous one may not have sent.</summary>
    async Task<long> TakeOverFrom(long last, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var since = DateTime.UtcNow - 2 * LeaseTime;
        var first = await db.Events.Where(e => e.Id <= last && e.CreatedAt >= since).MinAsync(e => (long?)e.Id, ct);
        return first is { } f ? f - 1 : last;
    }

    async Task<long> BroadcastAfter(long last, CancellationToken ct)
    {
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
            var batch = new List<TrackerEvent>();
            await foreach (var e in EventsAfter(db, last).WithCancellation(ct)) batch.Add(e);
            foreach (var e in batch)
            {
                if (sending) await Send(e, ct);
                last = e.Id;
            }
            if (batch.Count < 200) return last;
        }
    }

    // Compiled once: this query runs after every commit, and translating it each time cost more than running it.
    // Per instance, not static: a compiled query serves one model, and SQLite and PostgreSQL hosts can share a process (tests).
    readonly Func<TrackerDb, long, IAsyncEnumerable<TrackerEvent>> EventsAfter = EF.CompileAsyncQuery(
        (TrackerDb db, long last) => db.Events.AsNoTracking().Where(e => e.Id > last).OrderBy(e => e.Id).Take(200));

    Task Send(TrackerEvent e, CancellationToken ct)
    {
        var message = EventMessage.From(e);
        if (e.VisibleToUserId is not null) return hub.Clients.User(e.VisibleToUserId).SendAsync(e.Type, message, ct);
        if (e.Type == EventTypes.ArticleIngested) return hub.Clients.Group(TrackerHub.MembersGroup).SendAsync(e.Type, message, ct);
        if (e.ArticleId is int id) return hub.Clients.Group(TrackerHub.ArticleGroup(id)).SendAsync(e.Type, message, ct);
        return hub.Clients.Group(TrackerHub.MembersGroup).SendAsync(e.Type, message, ct);
    }

    async Task<long> NewestNumber(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        return await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;
    }
}
