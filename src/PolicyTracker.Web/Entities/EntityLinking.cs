using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Provenance;

namespace PolicyTracker.Web.Entities;

/// <summary>
/// Writes the entities found in articles: one row per article and entity with its mentions in
/// code points; entities found by patterns become entries of their own. An editor's removal or
/// addition is kept whatever is found again. Runs inside the caller's transaction.
/// </summary>
public sealed class EntityLinking(TrackerDb db)
{
    readonly Dictionary<string, Entity> discovered = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Replaces what was found in each article (new or re-evaluated); returns the articles whose entities changed.</summary>
    public async Task<IReadOnlyList<int>> SetFoundAsync(IReadOnlyList<(int ArticleId, string Text, IReadOnlyList<FoundEntity> Found)> articles, CancellationToken ct)
    {
        var ids = articles.Select(a => a.ArticleId).ToList();
        var existing = (await db.ArticleEntities.Where(l => ids.Contains(l.ArticleId)).ToListAsync(ct)).ToLookup(l => l.ArticleId);
        var newNames = articles.SelectMany(a => a.Found).Where(f => f.EntityId is null).Select(f => f.Name).Distinct().Where(n => !discovered.ContainsKey(n)).ToList();
        foreach (var e in await db.Entities.Where(e => newNames.Contains(e.Name)).ToListAsync(ct)) discovered[e.Name] = e;

        var changed = new List<int>();
        foreach (var (articleId, text, found) in articles)
        {
            var wanted = new Dictionary<object, (Entity? New, int? Id, List<int[]> Spans)>();
            foreach (var f in found)
            {
                object key;
                Entity? entity = null;
                if (f.EntityId is int id) key = id;
                else
                {
                    if (!discovered.TryGetValue(f.Name, out entity))
                        db.Entities.Add(discovered[f.Name] = entity = new Entity { Name = f.Name, Type = f.Type, Discovered = true });
                    key = entity.Id != 0 ? entity.Id : entity;
                }
                if (!wanted.TryGetValue(key, out var w)) wanted[key] = w = (entity is { Id: 0 } ? entity : null, key as int?, []);
                w.Spans.Add([CodePoints.Offset(text, f.Start), CodePoints.Offset(text, f.End)]);
            }
            var mine = existing[articleId].ToDictionary(l => l.EntityId);
            var touched = false;
            foreach (var (_, (fresh, id, spans)) in wanted)
            {
                var json = JsonSerializer.Serialize(spans);
                if (id is int known && mine.Remove(known, out var link))
                {
                    if (link.Origin == EntityOrigin.Found && link.Mentions != json) { link.Mentions = json; touched = true; }
                    continue;
                }
                db.ArticleEntities.Add(fresh is not null
                    ? new ArticleEntity { ArticleId = articleId, Entity = fresh, Mentions = json }
                    : new ArticleEntity { ArticleId = articleId, EntityId = id!.Value, Mentions = json });
                touched = true;
            }
            // What is no longer found goes, unless an editor put it there or took it away.
            foreach (var gone in mine.Values.Where(l => l.Origin == EntityOrigin.Found))
            {
                db.ArticleEntities.Remove(gone);
                touched = true;
            }
            if (touched) changed.Add(articleId);
        }
        db.ChangeTracker.DetectChanges();
        return changed;
    }
}
