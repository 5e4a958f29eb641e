using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;
using PolicyTracker.Web.Provenance;

namespace PolicyTracker.Web.Entities;

/// <summary>Editors' corrections: an entity off or onto an article, a new alias, a new entity. Gazetteer changes re-read every article in the background.</summary>
public sealed class EntityEditing(TrackerDb db, EntityReevaluation reevaluation, ArticleReader reader)
{
    /// <summary>Takes the entity off the article for good; null on success, else what is wrong.</summary>
    public async Task<string?> RemoveAsync(int articleId, int entityId, CancellationToken ct)
    {
        if (!await db.Articles.AnyAsync(a => a.Id == articleId, ct)) return $"Article {articleId} does not exist.";
        if (!await db.Entities.AnyAsync(e => e.Id == entityId, ct)) return $"Entity {entityId} does not exist.";
        var link = await db.ArticleEntities.FirstOrDefaultAsync(l => l.ArticleId == articleId && l.EntityId == entityId, ct);
        if (link is null) db.ArticleEntities.Add(link = new ArticleEntity { ArticleId = articleId, EntityId = entityId });
        link.Origin = EntityOrigin.Removed;
        await SaveArticleChangeAsync(articleId, "entity removed", ct);
        return null;
    }

    /// <summary>Puts the entity named <paramref name="name"/> (its name or an alias) on the article; null on success, else what is wrong.</summary>
    public async Task<string?> AddAsync(int articleId, string? name, CancellationToken ct)
    {
        var text = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => a.Text).FirstOrDefaultAsync(ct);
        if (text is null) return $"Article {articleId} does not exist.";
        if (await FindAsync(name, ct) is not { } entity) return $"No entity is called '{name?.Trim()}'. Add it to the gazetteer first.";
        var link = await db.ArticleEntities.FirstOrDefaultAsync(l => l.ArticleId == articleId && l.EntityId == entity.Id, ct);
        if (link is null) db.ArticleEntities.Add(link = new ArticleEntity { ArticleId = articleId, EntityId = entity.Id });
        link.Origin = EntityOrigin.Added;
        // Where the article mentions it, as far as its names show.
        var spans = new EntityMatcher([new GazetteerEntry(entity.Id, entity.Name, entity.Type, [.. entity.Aliases.Select(a => a.Text)])]).Find(text)
            .Where(f => f.EntityId == entity.Id).Select(f => new[] { Annotations.CodePointText.CodePoint(text, f.Start), Annotations.CodePointText.CodePoint(text, f.End) });
        link.Mentions = JsonSerializer.Serialize(spans);
        await SaveArticleChangeAsync(articleId, "entity added", ct);
        return null;
    }

    /// <summary>Adds an alias to an entity; null on success, else what is wrong.</summary>
    public async Task<string?> AddAliasAsync(int entityId, string? alias, CancellationToken ct)
    {
        alias = alias?.Trim();
        if (string.IsNullOrEmpty(alias) || alias.Length > 300) return "An alias needs 1 to 300 characters.";
        var entity = await db.Entities.Include(e => e.Aliases).FirstOrDefaultAsync(e => e.Id == entityId, ct);
        if (entity is null) return $"Entity {entityId} does not exist.";
        if (entity.Name == alias || entity.Aliases.Any(a => a.Text == alias)) return $"'{alias}' is already a name of {entity.Name}.";
        entity.Aliases.Add(new EntityAlias { Text = alias });
        entity.Discovered = false; // named by an editor now: the gazetteer matches it
        await SaveGazetteerChangeAsync(ct);
        return null;
    }

    /// <summary>Adds an entity to the gazetteer; returns it, or what is wrong.</summary>
    public async Task<(Entity? Entity, string? Error)> CreateAsync(string? name, string? type, IEnumerable<string>? aliases, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 300) return (null, "A name needs 1 to 300 characters.");
        if (!EntityTypes.All.Contains(type)) return (null, $"type must be one of {string.Join(", ", EntityTypes.All)}.");
        var existing = await db.Entities.FirstOrDefaultAsync(e => e.Name == name, ct);
        if (existing is { Discovered: false }) return (null, $"An entity called '{name}' exists already.");
        var entity = existing ?? db.Entities.Add(new Entity { Name = name, Type = type! }).Entity;
        (entity.Type, entity.Discovered) = (type!, false);
        foreach (var alias in (aliases ?? []).Select(a => a.Trim()).Where(a => a.Length is > 0 and <= 300 && a != name).Distinct())
            entity.Aliases.Add(new EntityAlias { Text = alias });
        await SaveGazetteerChangeAsync(ct);
        return (entity, null);
    }

    /// <summary>The entity with this name or alias (any case), with its aliases.</summary>
    public async Task<Entity?> FindAsync(string? name, CancellationToken ct)
    {
        var wanted = name?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(wanted)) return null;
        return await db.Entities.Include(e => e.Aliases).AsNoTracking()
            .FirstOrDefaultAsync(e => e.Name.ToLower() == wanted || e.Aliases.Any(a => a.Text.ToLower() == wanted), ct);
    }

    async Task SaveArticleChangeAsync(int articleId, string reason, CancellationToken ct)
    {
        db.Events.Add(TrackerEvent.Create(EventTypes.ArticleUpdated, articleId, new { id = articleId, reason }));
        await db.SaveChangesAsync(ct);
        reader.Forget([articleId]);
    }

    async Task SaveGazetteerChangeAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await Gazetteer.BumpAsync(db, ct);
        await reevaluation.RequestAsync(ct);
        await tx.CommitAsync(ct);
    }
}
