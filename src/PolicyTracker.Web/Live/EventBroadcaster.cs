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
/// the holder of the <c>event-broadcaster</c> lease reads and sends; it records on the lease the
/// last event it sent, and a node that takes over resumes after it, so nothing is sent twice or skipped.
/// </summary>
public sealed class EventBroadcaster(
    IServiceScopeFactory scopes, IHubContext<TrackerHub> hub, EventSignal signal, ILogger<EventBroadcaster> log,
    Infrastructure.TrackerSettings settings, ScaleOut.Leases leases)
    : BackgroundService
{
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(10);
    // After an outage of every node, clients have reconnected and caught up by themselves: a new
    // sender does not push events older than this through the backplane.
    static readonly TimeSpan ResendLimit = TimeSpan.FromMinutes(1);
    readonly ScaleOut.HeldLease? lease = string.IsNullOrWhiteSpace(settings.Live.Redis) ? null : leases.For("event-broadcaster", LeaseTime);
    long? sent; // the last event sent; null while another node sends

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wake = signal.Subscribe();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (lease is not null && !await lease.HoldAsync(stoppingToken))
                {
                    // Another node sends: this one neither reads the events nor wakes on commits; it
                    // asks for the lease again a second later (at once if the holder released it).
                    sent = null;
                    await Task.Delay(PollInterval, stoppingToken);
                    continue;
                }
                sent ??= await ResumeAfter(stoppingToken);
                await BroadcastAfter(sent.Value, stoppingToken);
                await wake.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Broadcasting events after {Last} failed; retrying", sent);
                await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        if (lease is not null) await lease.ReleaseAsync();
    }

    /// <summary>
    /// Where this sender starts: alone, at the newest event; as the lease's new holder, after the
    /// last event the previous holder recorded (within <see cref="ResendLimit"/>).
    /// </summary>
    async Task<long> ResumeAfter(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var newest = await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        if (lease is null || await leases.PositionAsync(lease.Name, ct) is not long recorded || recorded >= newest) return newest;
        var since = DateTime.UtcNow - ResendLimit;
        var first = await db.Events.Where(e => e.Id > recorded && e.CreatedAt >= since).MinAsync(e => (long?)e.Id, ct);
        if (first is long f && f - 1 > recorded)
            log.LogWarning("Events {From} to {To} are older than {Limit}; clients catch up on them themselves", recorded + 1, f - 1, ResendLimit);
        return first is long start ? start - 1 : newest;
    }

    async Task BroadcastAfter(long last, CancellationToken ct)
    {
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
            var batch = new List<TrackerEvent>();
            await foreach (var e in EventsAfter(db, last).WithCancellation(ct)) batch.Add(e);
            foreach (var e in batch)
            {
                await Send(e, ct);
                sent = last = e.Id;
            }
            // After the sends: a holder that dies before this line has its last batch sent again by the next one.
            if (batch.Count > 0 && lease is not null) await lease.RecordPositionAsync(db, last, ct);
            if (batch.Count < 200) return;
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
}
