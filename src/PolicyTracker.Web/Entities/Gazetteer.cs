using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Entities;

/// <summary>
/// The gazetteer as the matcher needs it, built from the database and rebuilt when its version
/// (an AppState row bumped by every editor change, in any process) moves on.
/// </summary>
public sealed class Gazetteer
{
    const string VersionKey = "gazetteer-version";
    readonly SemaphoreSlim building = new(1, 1);
    (string Version, EntityMatcher Matcher)? current;

    /// <summary>The matcher for the gazetteer as it stands.</summary>
    public async Task<EntityMatcher> MatcherAsync(TrackerDb db, CancellationToken ct)
    {
        var version = await db.AppState.AsNoTracking().Where(s => s.Key == VersionKey).Select(s => s.Value).FirstOrDefaultAsync(ct) ?? "0";
        if (current is { } c && c.Version == version) return c.Matcher;
        await building.WaitAsync(ct);
        try
        {
            if (current is { } again && again.Version == version) return again.Matcher;
            // Entities found by patterns are not matched by name: the patterns find them again.
            var entries = await db.Entities.AsNoTracking().Where(e => !e.Discovered).OrderBy(e => e.Id)
                .Select(e => new GazetteerEntry(e.Id, e.Name, e.Type, e.Aliases.OrderBy(a => a.Id).Select(a => a.Text).ToList())).ToListAsync(ct);
            var matcher = new EntityMatcher(entries);
            current = (version, matcher);
            return matcher;
        }
        finally
        {
            building.Release();
        }
    }

    /// <summary>Records that the gazetteer changed (call inside the change's transaction).</summary>
    public static async Task BumpAsync(TrackerDb db, CancellationToken ct)
    {
        var value = JsonSerializer.Serialize(DateTime.UtcNow.Ticks);
        if (await db.AppState.Where(s => s.Key == VersionKey).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, value), ct) == 0)
        {
            db.AppState.Add(new AppState { Key = VersionKey, Value = value });
            await db.SaveChangesAsync(ct);
        }
    }
}
