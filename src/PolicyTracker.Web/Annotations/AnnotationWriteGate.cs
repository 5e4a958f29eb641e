using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.Annotations;

/// <summary>
/// Lets this process's annotation changes into the database one writer at a time, and stores the
/// creates that queue up meanwhile together. SQLite admits one writer; the others found it busy
/// and slept in its busy handler with a growing back-off (up to 100 ms) while the lock was often
/// free again, so under many concurrent creates most of the time went to sleeping. Waiting here
/// is first come, first served. Creates go to one writer task, which stores every create waiting
/// by then in one transaction (each annotation with its event), so a burst costs one commit, not
/// one each, and each request waits only for its own row.
/// </summary>
public sealed class AnnotationWriteGate(IServiceScopeFactory scopes)
{
    readonly SemaphoreSlim gate = new(1, 1);
    readonly Queue<Pending> waiting = new();
    bool writing;

    /// <summary>Waits for the turn to write; disposing the result lets the next writer in.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    /// <summary>
    /// Stores <paramref name="annotation"/> and the event <paramref name="announce"/> makes of it once
    /// it has its id, in one transaction shared with the other creates waiting by then. Once queued
    /// it is written whatever happens to the request: a create happens whole or was refused before.
    /// </summary>
    public Task CreateAsync(Annotation annotation, Func<Annotation, TrackerEvent> announce)
    {
        var mine = new Pending(annotation, announce);
        bool start;
        lock (waiting)
        {
            waiting.Enqueue(mine);
            start = !writing;
            writing = true;
        }
        // One writer drains the queue batch after batch; the requests only wait for their own row.
        if (start) _ = Task.Run(WriteQueuedAsync);
        return mine.Done.Task;
    }

    async Task WriteQueuedAsync()
    {
        List<Pending> batch = [];
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
            while (true)
            {
                lock (waiting)
                {
                    if (waiting.Count == 0)
                    {
                        writing = false;
                        return;
                    }
                    batch = [.. waiting];
                    waiting.Clear();
                }
                using (await EnterAsync(CancellationToken.None)) await WriteAsync(db, batch);
            }
        }
        catch (Exception e)
        {
            // Nothing may wait forever: whatever was not written fails, and the next create starts afresh.
            lock (waiting)
            {
                batch.AddRange(waiting);
                waiting.Clear();
                writing = false;
            }
            foreach (var p in batch) p.Done.TrySetException(e);
        }
    }

    static async Task WriteAsync(TrackerDb db, List<Pending> batch)
    {
        try
        {
            await StoreAsync(db, batch);
            foreach (var p in batch) p.Done.TrySetResult();
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One bad row (its article or parent deleted meanwhile) must not fail the others: one by one.
            foreach (var p in batch)
            {
                try
                {
                    p.Annotation.Id = 0;
                    await StoreAsync(db, [p]);
                    p.Done.TrySetResult();
                }
                catch (Exception e)
                {
                    p.Done.TrySetException(e);
                }
            }
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }

    static async Task StoreAsync(TrackerDb db, List<Pending> batch)
    {
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Annotations.AddRange(batch.Select(p => p.Annotation));
            await db.SaveChangesAsync();
            // Saved: no need to compare them (their tag lists above all) again when the events are saved.
            foreach (var p in batch) db.Entry(p.Annotation).State = EntityState.Detached;
            db.Events.AddRange(batch.Select(p => p.Announce(p.Annotation)));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    sealed record Pending(Annotation Annotation, Func<Annotation, TrackerEvent> Announce)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
        }
    }
}
