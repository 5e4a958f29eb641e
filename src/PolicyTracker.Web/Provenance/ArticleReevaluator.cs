using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Provenance;

/// <summary>
/// Runs a re-evaluation of every article in the background whenever one is requested through
/// <typeparamref name="TProgress"/>, in batches, recording progress any page (or node) can show.
/// A lease named after the kind makes one node at a time run it.
/// </summary>
public abstract class ArticleReevaluator<TProgress>(IServiceScopeFactory scopes, ILogger log) : BackgroundService where TProgress : Reevaluation
{
    ScaleOut.HeldLease? lease;

    const int BatchSize = 200;

    /// <summary>Re-evaluates one batch of articles (a fresh scope per batch).</summary>
    protected abstract Task ReevaluateAsync(IServiceProvider services, int[] ids, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunIfRequestedAsync(stoppingToken);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Re-evaluating articles ({Kind}) failed; retrying", typeof(TProgress).Name);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    async Task RunIfRequestedAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var progress = scope.ServiceProvider.GetRequiredService<TProgress>();
        var state = await progress.StateAsync(ct);
        if (!state.Running) return;
        lease ??= scope.ServiceProvider.GetRequiredService<ScaleOut.Leases>().For($"reevaluate-{typeof(TProgress).Name}", TimeSpan.FromMinutes(1));
        if (!await lease.HoldAsync(ct)) return;

        var target = state.Requested;
        var ids = await db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var (started, done) = (DateTime.UtcNow, 0);
        // Progress is written over the latest state, so a request made meanwhile is not lost.
        async Task ReportAsync() => await progress.SaveAsync(await progress.StateAsync(ct) with { Total = ids.Count, Done = done, StartedAt = started, FinishedAt = null }, ct);
        await ReportAsync();
        foreach (var batch in ids.Chunk(BatchSize))
        {
            using (var work = scopes.CreateScope()) await ReevaluateAsync(work.ServiceProvider, batch, ct);
            done += batch.Length;
            await ReportAsync();
            if (!await lease.HoldAsync(ct)) return; // taken over (this node stalled past the expiry)
        }
        var latest = await progress.StateAsync(ct);
        await progress.SaveAsync(latest with { Completed = target, Total = ids.Count, Done = done, FinishedAt = DateTime.UtcNow }, ct);
        await lease.ReleaseAsync();
    }
}
