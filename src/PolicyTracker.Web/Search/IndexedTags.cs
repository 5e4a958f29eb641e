using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Search;

/// <summary>
/// The team tags the index holds for articles that have had annotation events, so that an
/// annotation event re-indexes its article only when the article's team tags changed (a comment,
/// a reply or a private note changes nothing searchable). An article not yet seen here counts as
/// changed, which is always safe.
/// </summary>
public sealed class IndexedTags
{
    // Only articles with annotation events are kept: a handful compared with the whole index.
    readonly Dictionary<int, string> known = [];

    /// <summary>Of <paramref name="articleIds"/>, those whose team tags differ from what was indexed (or are unknown).</summary>
    public async Task<HashSet<int>> StaleAsync(TrackerDb db, IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        if (articleIds.Count == 0) return [];
        var now = (await db.Annotations.AsNoTracking()
                .Where(n => articleIds.Contains(n.ArticleId) && n.Visibility == Annotations.AnnotationVisibility.Team)
                .Select(n => new { n.ArticleId, n.Tags }).ToListAsync(ct))
            .ToLookup(n => n.ArticleId, n => n.Tags);
        return [.. articleIds.Where(id => !known.TryGetValue(id, out var key) || key != Key(now[id].SelectMany(t => t)))];
    }

    /// <summary>Records what was just indexed for the article: always when <paramref name="remember"/>, otherwise only if already kept.</summary>
    public void Indexed(IndexedArticle article, bool remember)
    {
        if (remember || known.ContainsKey(article.Id)) known[article.Id] = Key(article.Tags);
    }

    // The index stores each tag once, lower-cased (SearchIndex.ToDocument): compare the same way.
    static string Key(IEnumerable<string> tags) =>
        string.Join('\n', tags.Select(t => t.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));
}
