using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyTracker.Web.Live;

/// <summary>
/// Wakes the event followers (hub broadcaster, indexer) as soon as this process commits a
/// change, so they need not wait for their next poll. Followers still poll, which is how
/// they see what other processes (the CLI, other nodes) wrote.
/// </summary>
public sealed class EventSignal
{
    readonly List<SemaphoreSlim> waiters = [];

    /// <summary>A handle a follower waits on; each follower gets its own.</summary>
    public SemaphoreSlim Subscribe()
    {
        var s = new SemaphoreSlim(0, 1);
        lock (waiters) waiters.Add(s);
        return s;
    }

    /// <summary>Tells every follower that new events may be committed.</summary>
    public void Notify()
    {
        lock (waiters)
        {
            foreach (var s in waiters)
            {
                if (s.CurrentCount == 0) s.Release();
            }
        }
    }
}

/// <summary>Calls <see cref="EventSignal.Notify"/> after every save and every commit.</summary>
public sealed class EventSignalInterceptor(EventSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        signal.Notify();
        return result;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => signal.Notify();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }
}
