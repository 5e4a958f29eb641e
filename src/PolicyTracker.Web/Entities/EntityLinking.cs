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
        // Entities created in a batch that was rolled back (a concurrent ingest added the same name) are looked up again.
        foreach (var unsaved in discovered.Where(d => d.Value.Id == 0).Select(d => d.Key).ToList()) discovered.Remove(unsaved);
        var ids = articles.Select(a => a.ArticleId).ToList();
        var existing = (await db.ArticleEntities.Where(l => ids.Contains(l.ArticleId)).ToListAsync(ct)).ToLookup(l => l.ArticleId);
        var newNames = articles.SelectMany(a => a.Found).Where(f => f.EntityId is null).Select(f => f.Name).Distinct().Where(n => !discovered.ContainsKey(n)).ToList();
        foreach (var e in await db.Entities.Where(e => newNames.Contains(e.Name)).ToListAsync(ct)) discovered[e.Name] = e;

        var changed = new List<int>();
        var inserts = new List<(int ArticleId, Entity? Fresh, int? EntityId, string Mentions)>();
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
                w.Spans.Add([Annotations.CodePointText.CodePoint(text, f.Start), Annotations.CodePointText.CodePoint(text, f.End)]);
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
                inserts.Add((articleId, fresh, id, json));
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
        await InsertAsync(inserts, ct);
        return changed;
    }

    /// <summary>
    /// New links go in as multi-row inserts: an article has a dozen or more entities, and one
    /// tracked row each made storing an article several times slower (measured by the ingest benchmark).
    /// </summary>
    async Task InsertAsync(List<(int ArticleId, Entity? Fresh, int? EntityId, string Mentions)> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        // Entities found by patterns for the first time need their ids first.
        if (rows.Any(r => r.Fresh is not null)) await db.SaveChangesAsync(ct);
        var distinct = rows.DistinctBy(r => (r.ArticleId, r.Fresh?.Id ?? r.EntityId));
        if (db.Database.CurrentTransaction is not null)
        {
            // Inside the caller's transaction (ingest), one prepared insert per row: SQLite parses a
            // large multi-row statement each time and matches its hundreds of parameters by name.
            using var inserts = new Data.RowInserts(db);
            foreach (var r in distinct)
                await inserts.AddAsync(new ArticleEntity { ArticleId = r.ArticleId, EntityId = r.Fresh?.Id ?? r.EntityId!.Value, Mentions = r.Mentions, Origin = EntityOrigin.Found }, ct);
            return;
        }
        var origin = nameof(EntityOrigin.Found);
        foreach (var chunk in distinct.Chunk(200))
        {
            var values = new List<object>(chunk.Length * 4);
            var sql = new System.Text.StringBuilder("INSERT INTO \"ArticleEntities\" (\"ArticleId\", \"EntityId\", \"Mentions\", \"Origin\") VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append($"({{{values.Count}}}, {{{values.Count + 1}}}, {{{values.Count + 2}}}, {{{values.Count + 3}}})");
                values.AddRange([chunk[i].ArticleId, chunk[i].Fresh?.Id ?? chunk[i].EntityId!.Value, chunk[i].Mentions, origin]);
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }
    }
}
