using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.Search;

/// <summary>
/// Keeps the index in step with the database by following the events table from the last
/// event the index recorded: at start-up it catches up, then it applies new events as they
/// commit, committing the index once per batch rather than per document.
/// </summary>
public sealed class IndexFollower(IServiceScopeFactory scopes, SearchIndex index, EventSignal signal, ILogger<IndexFollower> log)
    : BackgroundService
{
    const int BatchSize = 500;
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>True while the follower is more than a batch behind the events table.</summary>
    public bool CatchingUp { get; private set; } = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wake = signal.Subscribe();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var applied = await ApplyBatchAsync(stoppingToken);
                CatchingUp = applied == BatchSize;
                if (!CatchingUp) await wake.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Indexing events after {Last} failed; retrying", index.LastEvent);
                await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    async Task<int> ApplyBatchAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var events = await db.Events.AsNoTracking().Where(e => e.Id > index.LastEvent).OrderBy(e => e.Id)
            .Take(BatchSize).Select(e => new { e.Id, e.ArticleId }).ToListAsync(ct);
        if (events.Count == 0) return 0;

        var ids = events.Where(e => e.ArticleId != null).Select(e => e.ArticleId!.Value).Distinct().ToList();
        var articles = await db.Articles.AsNoTracking().Include(a => a.Source).Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        foreach (var article in articles) index.Upsert(article);
        index.Commit(events[^1].Id);
        return events.Count;
    }
}
