using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Provenance;

namespace PolicyTracker.Web.Articles;

/// <summary>The article reads shared by the pages and the API.</summary>
public static class ArticleQueries
{
    /// <summary>Largest page size any list accepts.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Newest first (published date, else ingested), one page; with <paramref name="oneRowPerStory"/>, a story shows only its first appearance.</summary>
    public static async Task<Paged<ArticleListItem>> ListAsync(this TrackerDb db, int page, int pageSize, CancellationToken ct = default, bool oneRowPerStory = false)
    {
        var query = db.Articles.AsNoTracking();
        if (oneRowPerStory) query = Stories.StoryQueries.FirstAppearancesOnly(db, query);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(a => a.PublishedAt ?? a.IngestedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new { a.Id, a.Title, a.Source, a.Author, a.PublishedAt, a.IngestedAt })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var flags = (await db.Flags.AsNoTracking().Active().Where(f => ids.Contains(f.ArticleId))
                .Select(f => new { f.ArticleId, f.Kind, f.Severity }).ToListAsync(ct))
            .ToLookup(f => f.ArticleId, f => new FlagBadge(f.Kind, f.Severity));
        var stories = await Stories.StoryQueries.BriefsAsync(db, ids, ct);
        var items = rows.Select(a => new ArticleListItem(a.Id, a.Title, SourceDto.From(a.Source), a.Author, a.PublishedAt, a.IngestedAt,
            FlagBadge.Distinct(flags[a.Id]), stories.GetValueOrDefault(a.Id))).ToList();
        return new Paged<ArticleListItem>(total, page, pageSize, items);
    }

    /// <summary>The article in full, or null.</summary>
    public static async Task<ArticleDetail?> DetailAsync(this TrackerDb db, int id, CancellationToken ct = default)
    {
        var a = await db.Articles.AsNoTracking().Include(x => x.Source).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var revisions = await db.Revisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Number)
            .Select(r => new RevisionDto(r.Id, r.Number, r.FetchedAt, r.Sha256, r.SnapshotId)).ToListAsync(ct);
        var flags = await db.Flags.AsNoTracking().Where(f => f.ArticleId == id).OrderBy(f => f.Id).ToListAsync(ct);
        var claims = await db.Claims.AsNoTracking().Where(c => c.ArticleId == id && c.Suggestion == Claims.SuggestionStates.Accepted).OrderBy(c => c.Start).ToListAsync(ct);
        return new ArticleDetail(a.Id, a.Title, a.Url, SourceDto.From(a.Source), a.Author, a.PublishedAt, a.IngestedAt,
            a.Text, a.Html, [.. flags.Select(FlagDto.From)], [.. await Entities.EntityQueries.EntitiesOfArticleAsync(db, id, ct)], [.. claims.Select(c => Claims.ClaimDto.From(c))], await Stories.StoryQueries.ClusterOfArticleAsync(db, id, ct), revisions);
    }
}
