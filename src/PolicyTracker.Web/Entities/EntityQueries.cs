using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Entities;

/// <summary>An entity on an article: canonical name, type, and its mentions in code points.</summary>
public sealed record EntityDto(int Id, string Name, string Type, IReadOnlyList<MentionDto> Mentions);

/// <summary>One mention: <c>{start, end}</c> in code points of the canonical text.</summary>
public sealed record MentionDto(int Start, int End);

/// <summary>An entity with its names and how much coverage mentions it.</summary>
public sealed record EntitySummary(int Id, string Name, string Type, IReadOnlyList<string> Aliases, bool Discovered, int Articles);

/// <summary>One month of an entity's coverage.</summary>
public sealed record CoverageMonth(string Month, int Count);

/// <summary>The entity page: the entity, its articles newest first (a page of them), and its coverage by month.</summary>
public sealed record EntityPage(EntitySummary Entity, Paged<ArticleListItem> Articles, IReadOnlyList<CoverageMonth> Coverage);

/// <summary>Entity reads shared by the pages and the API.</summary>
public static class EntityQueries
{
    /// <summary>The entities on an article (editors' removals left out), by type then name.</summary>
    public static async Task<IReadOnlyList<EntityDto>> EntitiesOfArticleAsync(this TrackerDb db, int articleId, CancellationToken ct = default)
    {
        var links = await db.ArticleEntities.AsNoTracking().Where(l => l.ArticleId == articleId && l.Origin != EntityOrigin.Removed)
            .Select(l => new { l.EntityId, l.Entity!.Name, l.Entity.Type, l.Mentions }).ToListAsync(ct);
        return [.. links.OrderBy(l => Array.IndexOf(EntityTypes.All, l.Type)).ThenBy(l => l.Name, StringComparer.Ordinal)
            .Select(l => new EntityDto(l.EntityId, l.Name, l.Type,
                [.. (JsonSerializer.Deserialize<int[][]>(l.Mentions) ?? []).Select(s => new MentionDto(s[0], s[1]))]))];
    }

    /// <summary>The entity's page, or null when it does not exist.</summary>
    public static async Task<EntityPage?> EntityPageAsync(this TrackerDb db, int id, int page, int pageSize, CancellationToken ct = default)
    {
        var entity = await db.Entities.AsNoTracking().Include(e => e.Aliases).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null) return null;
        var articles = db.Articles.AsNoTracking().Where(a => db.ArticleEntities.Any(l => l.ArticleId == a.Id && l.EntityId == id && l.Origin != EntityOrigin.Removed));
        var total = await articles.CountAsync(ct);
        var dates = await articles.Select(a => a.PublishedAt ?? a.IngestedAt).ToListAsync(ct);
        var coverage = dates.GroupBy(d => d.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CoverageMonth(g.Key, g.Count())).ToList();
        var rows = await articles.OrderByDescending(a => a.PublishedAt ?? a.IngestedAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(a => new { a.Id, a.Title, a.Source, a.Author, a.PublishedAt, a.IngestedAt }).ToListAsync(ct);
        var items = rows.Select(a => new ArticleListItem(a.Id, a.Title, SourceDto.From(a.Source), a.Author, a.PublishedAt, a.IngestedAt, [], null)).ToList();
        var summary = new EntitySummary(entity.Id, entity.Name, entity.Type, [.. entity.Aliases.Select(a => a.Text)], entity.Discovered, total);
        return new EntityPage(summary, new Paged<ArticleListItem>(total, page, pageSize, items), coverage);
    }

    /// <summary>Entities with how many articles mention each, most covered first, optionally filtered by name.</summary>
    public static async Task<Paged<EntitySummary>> EntityListAsync(this TrackerDb db, string? q, int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.Entities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(e => e.Name.ToLower().Contains(q.Trim().ToLower()));
        var total = await query.CountAsync(ct);
        var rows = await query
            .Select(e => new { e.Id, e.Name, e.Type, e.Discovered, Count = db.ArticleEntities.Count(l => l.EntityId == e.Id && l.Origin != EntityOrigin.Removed) })
            .OrderByDescending(e => e.Count).ThenBy(e => e.Name).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<EntitySummary>(total, page, pageSize, [.. rows.Select(e => new EntitySummary(e.Id, e.Name, e.Type, [], e.Discovered, e.Count))]);
    }
}
