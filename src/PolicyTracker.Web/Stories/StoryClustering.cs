using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Stories;

/// <summary>An article as story placement needs it.</summary>
public sealed record StoryItem(int ArticleId, DateTime? PublishedAt, DateTime IngestedAt, string Text, uint[] Signature);

/// <summary>
/// Places articles in stories at store time: each looks up its LSH candidates (stored articles
/// and those earlier in the same batch), confirms them by exact shingle overlap, and joins the
/// best one's story (creating it when the candidate was alone). An editor's decision is never
/// undone here. Runs inside the caller's transaction; <see cref="Committed"/> afterwards.
/// </summary>
public sealed class StoryClustering(StoryIndex index, Articles.ArticleReader reader)
{
    readonly HashSet<int> grown = [];

    /// <summary>Places the items (new articles, or stored ones without a story yet); returns the other articles whose story changed.</summary>
    public async Task<IReadOnlyList<int>> PlaceAsync(TrackerDb db, IReadOnlyList<StoryItem> items, CancellationToken ct)
    {
        shingleSets.Clear();
        await index.SyncAsync(db, ct);
        var mine = items.Select(i => i.ArticleId).ToHashSet();
        var candidates = items.Select(i => index.Candidates(i.Signature, i.ArticleId)
            .Where(c => c.Estimate >= StoryMatch.MinEstimate && !mine.Contains(c.ArticleId)).Select(c => c.ArticleId).ToList()).ToList();
        var wanted = candidates.SelectMany(c => c).Concat(mine).Distinct().ToList();
        var members = await db.StoryMembers.Include(m => m.Cluster).Where(m => wanted.Contains(m.ArticleId)).ToDictionaryAsync(m => m.ArticleId, ct);
        var others = candidates.SelectMany(c => c).Distinct().ToList();
        var stored = await db.Articles.AsNoTracking().Where(a => others.Contains(a.Id))
            .Select(a => new StoryItem(a.Id, a.PublishedAt, a.IngestedAt, a.Text, Array.Empty<uint>())).ToDictionaryAsync(a => a.ArticleId, ct);
        var firsts = new FirstAppearances(db);

        var changed = new HashSet<int>();
        var placed = new List<(StoryItem Item, StoryMember Member, long[] Bands)>();
        // Which items placed earlier in this batch share a band: one lookup per band rather than comparing every pair.
        var batchBands = new Dictionary<long, List<int>>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var bands = StorySignature.BandKeys(item.Signature);
            var sharing = new SortedSet<int>();
            foreach (var band in bands)
            {
                if (batchBands.TryGetValue(band, out var earlier)) sharing.UnionWith(earlier);
            }
            foreach (var band in bands.Distinct())
            {
                if (!batchBands.TryGetValue(band, out var list)) batchBands[band] = list = [];
                list.Add(placed.Count);
            }
            if (!members.TryGetValue(item.ArticleId, out var member))
            {
                member = new StoryMember { ArticleId = item.ArticleId, Signature = StorySignature.ToBytes(item.Signature) };
                db.StoryMembers.Add(member);
                members[item.ArticleId] = member;
            }
            else member.Signature = StorySignature.ToBytes(item.Signature);
            placed.Add((item, member, bands));
            if (member.Decision != StoryDecision.None || member.ClusterId is not null || member.Cluster is not null) continue;

            // Stored candidates and those placed earlier in this batch, best confirmed overlap first.
            var close = candidates[i].Where(stored.ContainsKey).Select(id => (Other: stored[id], Member: members.GetValueOrDefault(id)))
                .Concat(sharing.Select(k => (Other: placed[k].Item, Member: (StoryMember?)placed[k].Member)))
                .Where(c => c.Member is not null && c.Member.Decision != StoryDecision.Alone)
                .Select(c => (c.Other, c.Member, Estimate: StorySignature.Estimate(item.Signature, c.Other.Signature.Length > 0 ? c.Other.Signature : StorySignature.FromBytes(c.Member!.Signature))))
                .Where(c => c.Estimate >= StoryMatch.MinEstimate).ToList();
            var best = close.Select(c => (c.Other, c.Member, Score: c.Estimate >= StoryMatch.SureEstimate ? c.Estimate : Exact(item, c.Other)))
                .Where(c => c.Score >= StoryMatch.Threshold).OrderByDescending(c => c.Score).FirstOrDefault();
            if (best.Member is null) continue;
            if (best.Member.Cluster is null)
            {
                best.Member.Cluster = new StoryCluster { FirstArticleId = best.Other.ArticleId };
                if (!mine.Contains(best.Other.ArticleId)) changed.Add(best.Other.ArticleId);
                firsts.Know(best.Other);
            }
            member.Cluster = best.Member.Cluster;
            if (member.Cluster.Id != 0) grown.Add(member.Cluster.Id);
            await firsts.ConsiderAsync(member.Cluster, item, ct);
        }
        db.ChangeTracker.DetectChanges();
        return [.. changed];
    }

    readonly Dictionary<int, HashSet<ulong>> shingleSets = [];

    // Exact overlap, each text's shingles computed once per batch.
    double Exact(StoryItem item, StoryItem other)
    {
        if (!shingleSets.TryGetValue(item.ArticleId, out var mine)) shingleSets[item.ArticleId] = mine = StorySignature.ShingleSet(item.Text);
        if (!shingleSets.TryGetValue(other.ArticleId, out var theirs)) shingleSets[other.ArticleId] = theirs = StorySignature.ShingleSet(other.Text);
        return StorySignature.Jaccard(mine, theirs);
    }

    /// <summary>Makes the placed signatures visible to later lookups once their transaction committed, and drops cached reads of stories that grew.</summary>
    public void Committed(IEnumerable<StoryItem> items, TrackerDb db)
    {
        foreach (var item in items) index.Add(item.ArticleId, item.Signature);
        if (grown.Count == 0) return;
        var clusters = grown.ToList();
        grown.Clear();
        reader.Forget([.. db.StoryMembers.AsNoTracking().Where(m => m.ClusterId != null && clusters.Contains(m.ClusterId.Value)).Select(m => m.ArticleId)]);
    }
}

/// <summary>Keeps a cluster's first appearance: earliest published (undated last), then earliest ingested, then lowest id.</summary>
sealed class FirstAppearances(TrackerDb db)
{
    readonly Dictionary<int, (DateTime Published, DateTime Ingested)> known = [];

    public void Know(StoryItem item) => known[item.ArticleId] = Key(item.PublishedAt, item.IngestedAt);

    public async Task ConsiderAsync(StoryCluster cluster, StoryItem item, CancellationToken ct)
    {
        Know(item);
        if (cluster.FirstArticleId is not int first) { cluster.FirstArticleId = item.ArticleId; return; }
        if (!known.ContainsKey(first))
        {
            var row = await db.Articles.AsNoTracking().Where(a => a.Id == first).Select(a => new { a.PublishedAt, a.IngestedAt }).FirstOrDefaultAsync(ct);
            known[first] = row is null ? (DateTime.MaxValue, DateTime.MaxValue) : Key(row.PublishedAt, row.IngestedAt);
        }
        if (Earlier(item.ArticleId, first)) cluster.FirstArticleId = item.ArticleId;
    }

    bool Earlier(int a, int b) => known[a].CompareTo(known[b]) is var c && (c < 0 || (c == 0 && a < b));

    static (DateTime, DateTime) Key(DateTime? published, DateTime ingested) => (published ?? DateTime.MaxValue, ingested);
}
