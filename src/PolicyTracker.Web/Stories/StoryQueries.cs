using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Stories;

/// <summary>One article of a story, as the Article page and the API list it.</summary>
public sealed record StoryArticle(int Id, string Title, string? Source, string? Url, DateTime? PublishedAt, DateTime IngestedAt);

/// <summary><c>cluster {id, firstAppearance, articles}</c>: a story with its first appearance and every article, earliest first.</summary>
public sealed record ClusterDto(int Id, StoryArticle? FirstAppearance, IReadOnlyList<StoryArticle> Articles);

/// <summary>A list row's story: <c>{id, articles, firstAppearance}</c> (the first appearance's article id).</summary>
public sealed record ClusterBrief(int Id, int Articles, int? FirstAppearance);

/// <summary>Reads of stories shared by the pages and the API.</summary>
public static class StoryQueries
{
    /// <summary>Articles alone and the first appearance of each story: one row per story.</summary>
    public static IQueryable<Articles.Article> FirstAppearancesOnly(TrackerDb db, IQueryable<Articles.Article> articles) =>
        articles.Where(a => !db.StoryMembers.Any(m => m.ArticleId == a.Id && m.ClusterId != null && m.Cluster!.FirstArticleId != a.Id));

    /// <summary>The story of each listed article that belongs to one.</summary>
    public static async Task<Dictionary<int, ClusterBrief>> BriefsAsync(TrackerDb db, IReadOnlyList<int> articleIds, CancellationToken ct)
    {
        var rows = await db.StoryMembers.AsNoTracking().Where(m => articleIds.Contains(m.ArticleId) && m.ClusterId != null)
            .Select(m => new { m.ArticleId, Id = m.ClusterId!.Value, m.Cluster!.FirstArticleId, Count = db.StoryMembers.Count(x => x.ClusterId == m.ClusterId) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.ArticleId, r => new ClusterBrief(r.Id, r.Count, r.FirstArticleId));
    }

    /// <summary>The story the article belongs to, or null when it stands alone.</summary>
    public static async Task<ClusterDto?> ClusterOfArticleAsync(this TrackerDb db, int articleId, CancellationToken ct = default)
    {
        var clusterId = await db.StoryMembers.AsNoTracking().Where(m => m.ArticleId == articleId).Select(m => m.ClusterId).FirstOrDefaultAsync(ct);
        return clusterId is int id ? await db.ClusterAsync(id, ct) : null;
    }

    /// <summary>The story with its articles, earliest first, or null.</summary>
    public static async Task<ClusterDto?> ClusterAsync(this TrackerDb db, int clusterId, CancellationToken ct = default)
    {
        var cluster = await db.StoryClusters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clusterId, ct);
        if (cluster is null) return null;
        var articles = await db.StoryMembers.AsNoTracking().Where(m => m.ClusterId == clusterId)
            .Join(db.Articles, m => m.ArticleId, a => a.Id, (m, a) => new StoryArticle(a.Id, a.Title, a.Source == null ? null : a.Source.Name, a.Url, a.PublishedAt, a.IngestedAt))
            .ToListAsync(ct);
        var ordered = articles.OrderBy(a => a.PublishedAt ?? DateTime.MaxValue).ThenBy(a => a.IngestedAt).ThenBy(a => a.Id).ToList();
        return new ClusterDto(cluster.Id, ordered.FirstOrDefault(a => a.Id == cluster.FirstArticleId) ?? ordered.FirstOrDefault(), ordered);
    }
}
