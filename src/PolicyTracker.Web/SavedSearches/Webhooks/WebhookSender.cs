using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.SavedSearches.Webhooks;

/// <summary>
/// Delivers pending webhook POSTs. Each delivery is claimed through a lease on its row (so one
/// sender posts it even with several nodes), then marked delivered, or retried with exponential
/// backoff, and failed after <see cref="MaxAttempts"/>; the saved search's page shows failures.
/// </summary>
public sealed class WebhookSender(IServiceScopeFactory scopes, WebhookClient client, EventSignal signal, IConfiguration configuration,
    ILogger<WebhookSender> log, TimeProvider time) : BackgroundService
{
    /// <summary>Attempts before a delivery is given up.</summary>
    public const int MaxAttempts = 8;
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);
    static readonly TimeSpan QuietInterval = TimeSpan.FromMilliseconds(100);
    readonly TimeSpan firstDelay = TimeSpan.FromSeconds(configuration.GetValue("Webhooks:RetrySeconds", 30.0));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wake = signal.Subscribe();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await DueAsync(stoppingToken);
                await Task.WhenAll(due.Select(id => DeliverAsync(id, stoppingToken)));
                if (due.Count == 0)
                {
                    // Every commit wakes this sender, most of them with nothing to deliver: look again
                    // at most every tenth of a second, however many commits came meanwhile.
                    await wake.WaitAsync(TimeSpan.FromMilliseconds(Math.Clamp(firstDelay.TotalMilliseconds / 2, 50, 1000)), stoppingToken);
                    await Task.Delay(QuietInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Delivering webhooks failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>The delay before attempt <paramref name="attempts"/> + 1: doubled after each failure, at most an hour.</summary>
    public static TimeSpan Backoff(TimeSpan first, int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(first.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1)), MaxDelay.TotalMilliseconds));

    async Task<List<long>> DueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var now = time.GetUtcNow().UtcDateTime;
        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(16).ToListAsync(ct);
    }

    async Task DeliverAsync(long id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var now = time.GetUtcNow().UtcDateTime;
        var claimed = await db.WebhookDeliveries.Where(d => d.Id == id && d.Status == WebhookStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, now + Lease), ct);
        if (claimed == 0) return; // another sender has it

        var delivery = await db.WebhookDeliveries.Include(d => d.SavedSearch).FirstAsync(d => d.Id == id, ct);
        var search = delivery.SavedSearch!;
        var (status, error) = search.WebhookUrl is { } url
            ? await client.PostAsync(url, delivery.Payload, search.WebhookSecret ?? "", id, ct)
            : (null, "The saved search no longer has a webhook.");
        var attempts = delivery.Attempts + 1;
        var done = time.GetUtcNow().UtcDateTime;
        delivery.Attempts = attempts;
        delivery.LastAttemptAt = done;
        delivery.LastStatusCode = status;
        // The last failure stays on record after a later success, so a flaky receiver shows.
        delivery.LastError = error ?? delivery.LastError;
        delivery.ClaimedUntil = null;
        if (error is null) delivery.Status = WebhookStatus.Delivered;
        else if (attempts >= MaxAttempts || search.WebhookUrl is null) delivery.Status = WebhookStatus.Failed;
        else delivery.NextAttemptAt = done + Backoff(firstDelay, attempts);
        await db.SaveChangesAsync(ct);
        if (error is not null) log.LogInformation("Webhook delivery {Id} attempt {Attempt} failed: {Error}", id, attempts, error);
    }
}
