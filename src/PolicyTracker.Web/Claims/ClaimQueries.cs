using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Claims;

/// <summary>A row of the review queue: the claim with its article's title and source.</summary>
public sealed record QueueItem(ClaimDto Claim, string ArticleTitle, string? Source);

/// <summary>Filters of the review queue.</summary>
public sealed record QueueFilter(string? Status = null, string? Source = null, int? OlderThanDays = null, bool MineOnly = false, int Page = 1, int PageSize = 50, string? Entity = null);

/// <summary>Reads claims: an article's, one with its audit trail, the review queue, and per-article summaries.</summary>
public sealed class ClaimQueries(TrackerDb db)
{
    /// <summary>An article's claims in text order; suggestions too when asked, dismissed ones never.</summary>
    public async Task<IReadOnlyList<ClaimDto>> ForArticleAsync(int articleId, bool withSuggestions, CancellationToken ct) =>
        [.. (await db.Claims.AsNoTracking()
            .Where(c => c.ArticleId == articleId && (c.Suggestion == SuggestionStates.Accepted || (withSuggestions && c.Suggestion == SuggestionStates.Suggested)))
            .OrderBy(c => c.Start).ThenBy(c => c.Id).ToListAsync(ct)).Select(c => ClaimDto.From(c))];

    /// <summary>The claim itself (tracked nowhere), or null.</summary>
    public Task<Claim?> FindAsync(int id, CancellationToken ct) => db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The claim with its audit trail, oldest step first, and its article's title.</summary>
    public async Task<ClaimDto?> GetAsync(int id, CancellationToken ct)
    {
        var claim = await FindAsync(id, ct);
        if (claim is null) return null;
        var title = await db.Articles.AsNoTracking().Where(a => a.Id == claim.ArticleId).Select(a => a.Title).FirstAsync(ct);
        return ClaimDto.From(claim, await TrailAsync(id, ct), title);
    }

    /// <summary>The claim's audit trail, oldest first.</summary>
    public async Task<IReadOnlyList<ClaimAuditDto>> TrailAsync(int id, CancellationToken ct) =>
        [.. (await db.ClaimAudits.AsNoTracking().Where(a => a.ClaimId == id).OrderBy(a => a.Id).ToListAsync(ct)).Select(ClaimAuditDto.From)];

    /// <summary>Accepted claims matching the filter, oldest change first (what has waited longest comes first).</summary>
    public async Task<Paged<QueueItem>> QueueAsync(QueueFilter filter, string? userId, CancellationToken ct)
    {
        var query = from c in db.Claims.AsNoTracking()
                    join a in db.Articles.AsNoTracking() on c.ArticleId equals a.Id
                    where c.Suggestion == SuggestionStates.Accepted
                    select new { Claim = c, a.Title, Source = a.Source == null ? null : a.Source.Name };
        if (!string.IsNullOrEmpty(filter.Status)) query = query.Where(r => r.Claim.Status == filter.Status);
        if (!string.IsNullOrEmpty(filter.Source)) query = query.Where(r => r.Source == filter.Source);
        if (filter.OlderThanDays is int days)
        {
            var before = DateTime.UtcNow.AddDays(-days);
            query = query.Where(r => r.Claim.CreatedAt <= before);
        }
        if (filter.MineOnly) query = query.Where(r => r.Claim.AssignedToId == userId);
        if (!string.IsNullOrEmpty(filter.Entity))
            query = query.Where(r => db.ArticleEntities.Any(l => l.ArticleId == r.Claim.ArticleId && l.Origin != Entities.EntityOrigin.Removed && (l.Entity!.Name == filter.Entity || db.EntityAliases.Any(x => x.EntityId == l.EntityId && x.Text == filter.Entity))));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.Claim.UpdatedAt).ThenBy(r => r.Claim.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        return new Paged<QueueItem>(total, filter.Page, filter.PageSize, [.. rows.Select(r => new QueueItem(ClaimDto.From(r.Claim), r.Title, r.Source))]);
    }

    /// <summary>The statuses of an article's accepted claims (one entry per claim), for the search index's claim facet.</summary>
    public async Task<IReadOnlyList<string>> StatusesOfArticleAsync(int articleId, CancellationToken ct) =>
        await db.Claims.AsNoTracking().Where(c => c.ArticleId == articleId && c.Suggestion == SuggestionStates.Accepted)
            .Select(c => c.Status).ToListAsync(ct);

    /// <summary>Counts by status of each article's accepted claims; articles without claims are left out.</summary>
    public async Task<IReadOnlyDictionary<int, ClaimSummary>> SummariesAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        var rows = await db.Claims.AsNoTracking()
            .Where(c => articleIds.Contains(c.ArticleId) && c.Suggestion == SuggestionStates.Accepted)
            .GroupBy(c => new { c.ArticleId, c.Status }).Select(g => new { g.Key.ArticleId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return rows.GroupBy(r => r.ArticleId).ToDictionary(g => g.Key,
            g => new ClaimSummary(g.Sum(r => r.Count), g.ToDictionary(r => r.Status, r => r.Count)));
    }

    /// <summary>Sources that have claims, for the queue's filter.</summary>
    public async Task<IReadOnlyList<string>> SourcesAsync(CancellationToken ct) =>
        await (from c in db.Claims.AsNoTracking()
               join a in db.Articles.AsNoTracking() on c.ArticleId equals a.Id
               where c.Suggestion == SuggestionStates.Accepted && a.Source != null
               select a.Source!.Name).Distinct().OrderBy(n => n).ToListAsync(ct);
}
