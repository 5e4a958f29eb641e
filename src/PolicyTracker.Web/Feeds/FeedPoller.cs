using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Ingestion.Fetching;

namespace PolicyTracker.Web.Feeds;

/// <summary>
/// Polls due feeds in the background. Each feed runs on its own task, so one slow or failing
/// feed never delays the others; conditional GET saves work, failures back off exponentially,
/// and a server's Retry-After is honoured. With several nodes, only the holder of the
/// <c>feed-poller</c> lease polls, so a feed is fetched once.
/// </summary>
public sealed class FeedPoller(IServiceScopeFactory scopes, ILogger<FeedPoller> log, TimeProvider time, ScaleOut.Leases leases) : BackgroundService
{
    readonly ScaleOut.HeldLease lease = leases.For("feed-poller", TimeSpan.FromSeconds(30));
    static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);
    static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(24);
    readonly HashSet<int> running = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var id in await lease.HoldAsync(stoppingToken) ? await DueFeedsAsync(stoppingToken) : [])
                {
                    lock (running) if (!running.Add(id)) continue;
                    _ = Task.Run(() => PollGuardedAsync(id, stoppingToken), stoppingToken);
                }
                await Task.Delay(Tick, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Looking for due feeds failed");
                await Task.Delay(Tick, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        await lease.ReleaseAsync();
    }

    async Task<List<int>> DueFeedsAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Feeds.AsNoTracking().Where(f => !f.Paused && f.NextFetchAt <= now).Select(f => f.Id).ToListAsync(ct);
    }

    async Task PollGuardedAsync(int id, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            await PollAsync(scope.ServiceProvider, id, time, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Polling feed {Feed} failed unexpectedly", id);
        }
        finally
        {
            lock (running) running.Remove(id);
        }
    }

    /// <summary>Fetches one feed now, ingests its items and records the outcome and the next fetch time.</summary>
    public static async Task<IngestReport?> PollAsync(IServiceProvider services, int feedId, TimeProvider time, CancellationToken ct)
    {
        var db = services.GetRequiredService<TrackerDb>();
        var feed = await db.Feeds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == feedId, ct);
        if (feed is null) return null;

        var report = await services.GetRequiredService<UrlIngestion>().IngestAsync(
            feed.Url, ct, new FetchConditions(feed.ETag, feed.LastModified), feed.FetchFullPage);

        var now = time.GetUtcNow().UtcDateTime;
        var interval = TimeSpan.FromSeconds(feed.IntervalSeconds);
        var failed = report.Failure is not null;
        var failures = failed ? feed.ConsecutiveFailures + 1 : 0;
        var wait = failed ? Backoff(interval, failures, report.FetchError?.RetryAfter) : interval;
        var created = report.Articles.Count(a => a.Status == "created");
        var error = failed ? report.Failed.FirstOrDefault()?.Reason : report.Failed.Count > 0 ? $"{report.Failed.Count} items failed: {report.Failed[0].Reason}" : null;

        var etag = failed ? null : report.Response?.ETag;
        var lastModified = failed ? null : report.Response?.LastModified;
        var title = report.FeedTitle;
        var status = failed ? FeedStatus.Failing : report.NotModified ? FeedStatus.NotModified : FeedStatus.Ok;

        await db.Feeds.Where(f => f.Id == feedId).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.LastFetchAt, now)
            .SetProperty(f => f.NextFetchAt, now + wait)
            .SetProperty(f => f.Status, status)
            .SetProperty(f => f.LastError, error)
            .SetProperty(f => f.ConsecutiveFailures, failures)
            .SetProperty(f => f.ItemCount, f => f.ItemCount + created)
            .SetProperty(f => f.Title, f => title ?? f.Title)
            .SetProperty(f => f.ETag, f => etag ?? f.ETag)
            .SetProperty(f => f.LastModified, f => lastModified ?? f.LastModified), ct);
        return report;
    }

    /// <summary>Interval doubled per consecutive failure, at most a day, and never sooner than Retry-After.</summary>
    public static TimeSpan Backoff(TimeSpan interval, int failures, TimeSpan? retryAfter)
    {
        var factor = Math.Pow(2, Math.Min(failures, 16));
        var backoff = TimeSpan.FromSeconds(Math.Min(interval.TotalSeconds * factor, MaxBackoff.TotalSeconds));
        return retryAfter is { } r && r > backoff ? r : backoff;
    }
}
