using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;
using PolicyTracker.Web.Provenance;
using PolicyTracker.Web.Stories;

namespace PolicyTracker.Web.Entities;

/// <summary>The progress of finding every article's entities again after the gazetteer changed.</summary>
public sealed class EntityReevaluation(TrackerDb db) : Reevaluation(db)
{
    protected override string Key => "entity-reevaluation";
}

/// <summary>
/// Finds every article's entities again after the gazetteer changed, keeping editors'
/// corrections; articles stored before stories existed get their place in a story on the way.
/// </summary>
public sealed class EntityReevaluator(IServiceScopeFactory scopes, Gazetteer gazetteer, ArticleReader reader, ILogger<EntityReevaluator> log)
    : ArticleReevaluator<EntityReevaluation>(scopes, log)
{
    protected override async Task ReevaluateAsync(IServiceProvider services, int[] ids, CancellationToken ct)
    {
        var db = services.GetRequiredService<TrackerDb>();
        var matcher = await gazetteer.MatcherAsync(db, ct);
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Text, a.PublishedAt, a.IngestedAt, Placed = db.StoryMembers.Any(m => m.ArticleId == a.Id) }).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = (await new EntityLinking(db).SetFoundAsync([.. articles.Select(a => (a.Id, a.Text, (IReadOnlyList<FoundEntity>)matcher.Find(a.Text)))], ct)).ToHashSet();
        var unplaced = articles.Where(a => !a.Placed).Select(a => new StoryItem(a.Id, a.PublishedAt, a.IngestedAt, a.Text, StorySignature.Of(a.Text))).ToList();
        var stories = services.GetRequiredService<StoryClustering>();
        if (unplaced.Count > 0)
        {
            changed.UnionWith(await stories.PlaceAsync(db, unplaced, ct));
            changed.UnionWith(unplaced.Select(u => u.ArticleId));
        }
        foreach (var id in changed) db.Events.Add(TrackerEvent.Create(EventTypes.ArticleUpdated, id, new { id, reason = "entities re-evaluated" }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        stories.Committed(unplaced, db);
        reader.Forget(changed);
    }
}
