using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Live;

/// <summary>
/// Follows the events table and pushes each new event to the clients that may see it:
/// the owner alone for private events, the article's group for article events, and every
/// member for new articles. It starts from the newest event at start-up; clients that were
/// away ask for older ones through <see cref="TrackerHub.CatchUp"/>.
/// </summary>
public sealed class EventBroadcaster(
    IServiceScopeFactory scopes, IHubContext<TrackerHub> hub, EventSignal signal, ILogger<EventBroadcaster> log)
    : BackgroundService
{
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wake = signal.Subscribe();
        long last = await NewestNumber(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
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
                await Send(e, ct);
                last = e.Id;
            }
            if (batch.Count < 200) return last;
        }
    }

    // Compiled once: this query runs after every commit, and translating it each time cost more than running it.
    static readonly Func<TrackerDb, long, IAsyncEnumerable<TrackerEvent>> EventsAfter = EF.CompileAsyncQuery(
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
