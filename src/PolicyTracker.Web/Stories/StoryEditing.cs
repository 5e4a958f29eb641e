using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.Stories;

/// <summary>Editors' corrections: split an article out of its story, or merge two stories. Both stick when articles are processed again.</summary>
public sealed class StoryEditing(TrackerDb db, StoryIndex index, Articles.ArticleReader reader)
{
    /// <summary>Takes the article out of its story and keeps it alone; null on success, else what is wrong.</summary>
    public async Task<string?> SplitAsync(int articleId, CancellationToken ct)
    {
        var member = await db.StoryMembers.FirstOrDefaultAsync(m => m.ArticleId == articleId, ct);
        if (member?.ClusterId is not int clusterId) return $"Article {articleId} is not part of a story.";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        member.ClusterId = null;
        member.Decision = StoryDecision.Alone;
        var affected = new List<int> { articleId };
        var rest = await db.StoryMembers.Where(m => m.ClusterId == clusterId && m.ArticleId != articleId).ToListAsync(ct);
        affected.AddRange(rest.Select(m => m.ArticleId));
        var cluster = await db.StoryClusters.FirstAsync(c => c.Id == clusterId, ct);
        if (rest.Count <= 1)
        {
            // A story of one is no story: the remaining article stands alone again (free to join others).
            foreach (var m in rest) m.ClusterId = null;
            db.StoryClusters.Remove(cluster);
        }
        else cluster.FirstArticleId = await FirstOfAsync(rest.Select(m => m.ArticleId), ct);
        Announce(affected, "split from story");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        index.SetAlone(articleId, true);
        reader.Forget(affected); // the next read shows the change at once
        return null;
    }

    /// <summary>Makes the two articles' stories one; null on success, else what is wrong.</summary>
    public async Task<string?> MergeAsync(int articleId, int withArticleId, CancellationToken ct)
    {
        if (articleId == withArticleId) return "An article cannot be merged with itself.";
        var pair = await db.StoryMembers.Include(m => m.Cluster).Where(m => m.ArticleId == articleId || m.ArticleId == withArticleId).ToListAsync(ct);
        if (pair.FirstOrDefault(m => m.ArticleId == articleId) is not { } first) return $"Article {articleId} does not exist or has not been processed yet.";
        if (pair.FirstOrDefault(m => m.ArticleId == withArticleId) is not { } second) return $"Article {withArticleId} does not exist or has not been processed yet.";
        if (first.ClusterId is not null && first.ClusterId == second.ClusterId) return "The two articles are already one story.";

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var target = first.Cluster ?? second.Cluster ?? new StoryCluster();
        var moving = new List<StoryMember>();
        foreach (var m in new[] { first, second })
        {
            if (m.Cluster is { } old && old != target)
            {
                moving.AddRange(await db.StoryMembers.Where(x => x.ClusterId == old.Id).ToListAsync(ct));
                db.StoryClusters.Remove(old);
            }
            else moving.Add(m);
        }
        foreach (var m in moving.DistinctBy(m => m.ArticleId))
        {
            m.Cluster = target;
            m.Decision = StoryDecision.Merged;
        }
        var all = (target.Id == 0 ? [] : await db.StoryMembers.Where(x => x.ClusterId == target.Id).Select(x => x.ArticleId).ToListAsync(ct))
            .Concat(moving.Select(m => m.ArticleId)).Distinct().ToList();
        target.FirstArticleId = await FirstOfAsync(all, ct);
        Announce(all, "stories merged");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var m in moving) index.SetAlone(m.ArticleId, false);
        reader.Forget(all); // the next read shows the change at once
        return null;
    }

    void Announce(IEnumerable<int> articleIds, string reason)
    {
        foreach (var id in articleIds.Distinct())
            db.Events.Add(TrackerEvent.Create(EventTypes.ArticleUpdated, id, new { id, reason }));
    }

    async Task<int?> FirstOfAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.ToList();
        var rows = await db.Articles.AsNoTracking().Where(a => list.Contains(a.Id)).Select(a => new { a.Id, a.PublishedAt, a.IngestedAt }).ToListAsync(ct);
        return rows.OrderBy(a => a.PublishedAt ?? DateTime.MaxValue).ThenBy(a => a.IngestedAt).ThenBy(a => a.Id).FirstOrDefault()?.Id;
    }
}
