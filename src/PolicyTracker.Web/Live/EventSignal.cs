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

    /// <summary>
    /// Raised with the articles whose events this process has just saved, and again when their
    /// transaction commits, so caches of those articles drop them at once rather than when the
    /// event followers next poll.
    /// </summary>
    public event Action<IReadOnlyCollection<int>>? ArticlesChanged;

    /// <summary>Announces that these articles changed (see <see cref="ArticlesChanged"/>).</summary>
    public void ChangedArticles(IReadOnlyCollection<int> ids)
    {
        if (ids.Count > 0) ArticlesChanged?.Invoke(ids);
    }

    /// <summary>Raised by <see cref="Notify"/>: this process saved or committed (other nodes are told through Redis).</summary>
    public event Action? Notified;

    /// <summary>Tells every follower that new events may be committed.</summary>
    public void Notify()
    {
        Wake();
        Notified?.Invoke();
    }

    /// <summary>Wakes the followers without announcing anything (another node committed).</summary>
    public void Wake()
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

/// <summary>Calls <see cref="EventSignal.Notify"/> after every commit (a save outside a transaction is one).</summary>
public sealed class EventSignalInterceptor(EventSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Articles with events saved in a transaction not yet committed, per context.
    readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.DbContext, HashSet<int>> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context) pending.Remove(context);
    }

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    void Collect(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is null) return;
        // Events are only ever added, which the change tracker knows without a scan: skipping
        // DetectChanges here spares comparing every tracked entity twice per save.
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            Collect(context, tracker);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    void Collect(Microsoft.EntityFrameworkCore.DbContext context, Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<TrackerEvent>())
        {
            // An annotation leaves the article's cached parts (its text among them) as they were.
            if (entry.State == Microsoft.EntityFrameworkCore.EntityState.Added && entry.Entity.ArticleId is int id && !EventTypes.IsAnnotation(entry.Entity.Type))
                pending.GetOrCreateValue(context).Add(id);
        }
    }

    void Saved(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        // Inside a transaction nothing is visible to other connections yet: the commit wakes the
        // followers (here and, through Redis, on other nodes). Waking them at each save as well made
        // them read the events table, and other nodes' followers too, for nothing two times in three
        // per annotation, and a commit arriving meanwhile waited for that empty read.
        if (context?.Database.CurrentTransaction is null) signal.Notify();
        if (context is null || !pending.TryGetValue(context, out var ids)) return;
        signal.ChangedArticles([.. ids]);
        // Outside a transaction the save was the commit; inside one, the commit announces them again.
        if (context.Database.CurrentTransaction is null) pending.Remove(context);
    }

    void Committed(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        signal.Notify();
        if (context is null || !pending.TryGetValue(context, out var ids)) return;
        pending.Remove(context);
        signal.ChangedArticles([.. ids]);
    }
}
