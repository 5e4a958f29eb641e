using System.Runtime.InteropServices;
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
    // Band key → its one article (>= 0), or the complement of an index into shared (< 0): most band
    // values belong to a single article, so most buckets cost no list of their own.
    readonly BandTable buckets = new();
    readonly List<List<int>> shared = [];
    readonly Dictionary<int, uint[]> signatures = [];
    readonly HashSet<int> alone = [];
    readonly SemaphoreSlim loading = new(1, 1);
    // Marks the articles already seen in the current lookup (by article id), so no set is built per lookup.
    int[] seenIn = new int[1024];
    int lookup;
    int lastLoaded;

    /// <summary>
    /// A lookup considers at most this many articles of each bucket, the latest. A band value shared
    /// by many articles comes from boilerplate (they fail the estimate) or from a story with many
    /// copies (where any one of them leads to the story), and copies share several bands besides.
    /// </summary>
    const int LatestPerBucket = 4;

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
        var found = new List<(int, double)>();
        Span<long> keys = stackalloc long[StorySignature.Bands];
        StorySignature.BandKeys(signature, keys);
        lock (buckets)
        {
            var mark = ++lookup;
            foreach (var key in keys)
            {
                if (!buckets.TryGet(key, out var slot) || slot == BandTable.Vacant) continue;
                if (slot >= 0) Consider(slot);
                else
                {
                    var ids = CollectionsMarshal.AsSpan(shared[~slot]);
                    foreach (var id in ids[Math.Max(0, ids.Length - LatestPerBucket)..]) Consider(id);
                }
            }

            void Consider(int id)
            {
                if (id == except) return;
                if (id >= seenIn.Length) Array.Resize(ref seenIn, Math.Max(id + 1, seenIn.Length * 2));
                if (seenIn[id] == mark) return;
                seenIn[id] = mark;
                if (alone.Count == 0 || !alone.Contains(id)) found.Add((id, StorySignature.Estimate(signature, signatures[id])));
            }
        }
        return found;
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
        Span<long> keys = stackalloc long[StorySignature.Bands];
        if (signatures.Remove(articleId, out var old))
        {
            StorySignature.BandKeys(old, keys);
            foreach (var key in keys) Unlink(key, articleId);
        }
        signatures[articleId] = signature;
        StorySignature.BandKeys(signature, keys);
        foreach (var key in keys)
        {
            ref var slot = ref buckets.GetOrAdd(key);
            if (slot == BandTable.Vacant) slot = articleId;
            else if (slot >= 0)
            {
                if (slot == articleId) continue; // two bands of one signature may hash alike
                shared.Add([slot, articleId]);
                slot = ~(shared.Count - 1);
            }
            else if (!shared[~slot].Contains(articleId)) shared[~slot].Add(articleId);
        }
        if (isAlone) alone.Add(articleId); else alone.Remove(articleId);
    }

    void Unlink(long key, int articleId)
    {
        if (!buckets.TryGet(key, out var slot)) return;
        if (slot == articleId) buckets.GetOrAdd(key) = BandTable.Vacant;
        else if (slot < 0 && slot != BandTable.Vacant) shared[~slot].Remove(articleId);
    }
}
