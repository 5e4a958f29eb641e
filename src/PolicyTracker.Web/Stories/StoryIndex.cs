using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Stories;

/// <summary>
/// The LSH tables in memory: band key → articles, and each article's signature. Loaded from
/// the database on first use and topped up with articles stored since (by any process) before
/// every lookup, so a lookup costs a few dictionary reads instead of a query per band.
/// </summary>
public sealed class StoryIndex
{
    readonly Dictionary<long, List<int>> buckets = [];
    readonly Dictionary<int, uint[]> signatures = [];
    readonly HashSet<int> alone = [];
    readonly SemaphoreSlim loading = new(1, 1);
    int lastLoaded;

    /// <summary>
    /// A band value shared by more articles than this comes from boilerplate, not from copying:
    /// copies share several bands, so skipping such buckets keeps lookups short without losing them.
    /// </summary>
    const int CommonBucket = 64;

    /// <summary>Loads the members stored since the last call (all of them the first time).</summary>
    public async Task SyncAsync(TrackerDb db, CancellationToken ct)
    {
        await loading.WaitAsync(ct);
        try
        {
            while (true)
            {
                var after = lastLoaded;
                var rows = await db.StoryMembers.AsNoTracking().Where(m => m.ArticleId > after).OrderBy(m => m.ArticleId).Take(5000)
                    .Select(m => new { m.ArticleId, m.Signature, m.Decision }).ToListAsync(ct);
                if (rows.Count == 0) return;
                lock (buckets)
                {
                    foreach (var row in rows) Put(row.ArticleId, StorySignature.FromBytes(row.Signature), row.Decision == StoryDecision.Alone);
                }
                lastLoaded = rows[^1].ArticleId;
            }
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>Articles sharing at least one band with <paramref name="signature"/>, with the estimated similarity; split-out articles are left out.</summary>
    public List<(int ArticleId, double Estimate)> Candidates(uint[] signature, int except = 0)
    {
        var found = new HashSet<int>();
        lock (buckets)
        {
            foreach (var key in StorySignature.BandKeys(signature))
            {
                if (!buckets.TryGetValue(key, out var ids) || ids.Count > CommonBucket) continue;
                foreach (var id in ids) if (id != except && !alone.Contains(id)) found.Add(id);
            }
            return [.. found.Select(id => (id, StorySignature.Estimate(signature, signatures[id])))];
        }
    }

    /// <summary>Records an article's (new) signature once it is committed; an editor's split stays in force.</summary>
    public void Add(int articleId, uint[] signature)
    {
        lock (buckets) Put(articleId, signature, alone.Contains(articleId));
    }

    /// <summary>Marks an article as split out (or not) by an editor.</summary>
    public void SetAlone(int articleId, bool isAlone)
    {
        lock (buckets)
        {
            if (isAlone) alone.Add(articleId); else alone.Remove(articleId);
        }
    }

    void Put(int articleId, uint[] signature, bool isAlone)
    {
        if (signatures.Remove(articleId, out var old))
            foreach (var key in StorySignature.BandKeys(old)) buckets.GetValueOrDefault(key)?.Remove(articleId);
        signatures[articleId] = signature;
        foreach (var key in StorySignature.BandKeys(signature))
        {
            if (!buckets.TryGetValue(key, out var ids)) buckets[key] = ids = [];
            ids.Add(articleId);
        }
        SetAloneUnlocked(articleId, isAlone);
    }

    void SetAloneUnlocked(int articleId, bool isAlone)
    {
        if (isAlone) alone.Add(articleId); else alone.Remove(articleId);
    }
}
