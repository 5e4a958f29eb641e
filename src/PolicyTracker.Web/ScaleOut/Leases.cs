using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.ScaleOut;

/// <summary>
/// Claims, renews and releases lease rows. A claim is one atomic UPDATE that succeeds only when
/// the lease has lapsed or is already ours; a lease that does not exist yet is inserted, and the
/// primary key lets only one of two racing nodes do so. Times are the nodes' clocks (keep them synchronized).
/// </summary>
public sealed class Leases(IServiceScopeFactory scopes, NodeIdentity node)
{
    /// <summary>Claims or renews <paramref name="name"/> for <paramref name="duration"/>; false when another node holds it.</summary>
    public async Task<bool> TryClaimAsync(string name, TimeSpan duration, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var now = DateTime.UtcNow;
        var until = now + duration;
        var updated = await db.Leases.Where(l => l.Name == name && (l.ExpiresAt < now || l.Holder == node.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, node.Id).SetProperty(l => l.ExpiresAt, until), ct);
        if (updated == 1) return true;
        if (await db.Leases.AnyAsync(l => l.Name == name, ct)) return false;
        try
        {
            db.Leases.Add(new Lease { Name = name, Holder = node.Id, ExpiresAt = until });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another node inserted it first
        }
    }

    /// <summary>Gives the lease up if this node holds it, so another may take it at once.</summary>
    public async Task ReleaseAsync(string name, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        await db.Leases.Where(l => l.Name == name && l.Holder == node.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UnixEpoch), ct);
    }

    /// <summary>Records how far this node, the holder, got; false when it no longer holds the lease.</summary>
    public async Task<bool> RecordPositionAsync(TrackerDb db, string name, long position, CancellationToken ct = default) =>
        await db.Leases.Where(l => l.Name == name && l.Holder == node.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Position, position), ct) == 1;

    /// <summary>The position the last holder recorded, or null.</summary>
    public async Task<long?> PositionAsync(string name, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        return await db.Leases.AsNoTracking().Where(l => l.Name == name).Select(l => l.Position).FirstOrDefaultAsync(ct);
    }

    /// <summary>Who holds the lease now, or null when nobody does.</summary>
    public async Task<string?> HolderAsync(string name, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var now = DateTime.UtcNow;
        return await db.Leases.AsNoTracking().Where(l => l.Name == name && l.ExpiresAt >= now).Select(l => l.Holder).FirstOrDefaultAsync(ct);
    }

    /// <summary>A handle a background service keeps: it renews only when half the duration is used up.</summary>
    public HeldLease For(string name, TimeSpan duration) => new(this, name, duration);

    /// <summary>Waits until the lease is ours, runs <paramref name="work"/>, then releases it: work done by whichever node comes first, one at a time.</summary>
    public async Task RunExclusiveAsync(string name, TimeSpan duration, Func<Task> work, CancellationToken ct = default)
    {
        while (!await TryClaimAsync(name, duration, ct)) await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        try
        {
            await work();
        }
        finally
        {
            await ReleaseAsync(name, CancellationToken.None);
        }
    }
}

/// <summary>One background service's claim on a lease, renewed as it goes.</summary>
public sealed class HeldLease(Leases leases, string name, TimeSpan duration)
{
    DateTime heldUntil;

    /// <summary>True while this node holds the lease; claims it when free and renews it when half used.</summary>
    public async Task<bool> HoldAsync(CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        if (heldUntil - now > duration / 2) return true;
        var held = await leases.TryClaimAsync(name, duration, ct);
        // Counted from before the claim, so this node stops believing it holds the lease before others may take it.
        heldUntil = held ? now + duration : default;
        return held;
    }

    /// <summary>What the lease guards.</summary>
    public string Name => name;

    /// <summary>Records how far the holder got (see <see cref="Lease.Position"/>); a lease found lost is claimed afresh next time.</summary>
    public async Task RecordPositionAsync(TrackerDb db, long position, CancellationToken ct)
    {
        if (!await leases.RecordPositionAsync(db, name, position, ct)) heldUntil = default;
    }

    /// <summary>Releases the lease if held (on shutdown), so another node takes over without waiting for expiry.</summary>
    public async Task ReleaseAsync()
    {
        if (heldUntil == default) return;
        heldUntil = default;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await leases.ReleaseAsync(name, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The lease lapses at its expiry anyway.
        }
    }
}
