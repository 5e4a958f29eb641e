using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.Annotations;

/// <summary>
/// Lets this process's annotation changes into the database one writer at a time, and stores the
/// creates that queue up meanwhile together. SQLite admits one writer; the others found it busy
/// and slept in its busy handler with a growing back-off (up to 100 ms) while the lock was often
/// free again, so under many concurrent creates most of the time went to sleeping. Waiting here
/// is first come, first served, and whoever gets the turn writes every create waiting by then in
/// one transaction (each annotation with its event), so a burst costs one commit, not one each.
/// </summary>
public sealed class AnnotationWriteGate
{
    readonly SemaphoreSlim gate = new(1, 1);
    readonly Queue<Pending> waiting = new();

    /// <summary>Waits for the turn to write; disposing the result lets the next writer in.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    /// <summary>
    /// Stores <paramref name="annotation"/> and the event <paramref name="announce"/> makes of it once
    /// it has its id, in one transaction (shared with other waiting creates), using <paramref name="db"/>
    /// if this call gets to write the batch.
    /// </summary>
    public async Task CreateAsync(TrackerDb db, Annotation annotation, Func<Annotation, TrackerEvent> announce)
    {
        var mine = new Pending(annotation, announce);
        lock (waiting) waiting.Enqueue(mine);
        // Once queued it will be written, so waiting is not cancelled: a create either happens whole or was refused before.
        using (await EnterAsync(CancellationToken.None))
        {
            if (!mine.Done.Task.IsCompleted)
            {
                List<Pending> batch;
                lock (waiting)
                {
                    batch = [.. waiting];
                    waiting.Clear();
                }
                // Not the caller's token: the batch holds other members' creates.
                await WriteAsync(db, batch);
            }
        }
        await mine.Done.Task;
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
