using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.Provenance;

/// <summary>The state of the re-evaluation of every article's flags, kept in the database so any page (or node) can show it.</summary>
public sealed record ReevaluationState(long Requested, long Completed, int Total, int Done, DateTime? StartedAt, DateTime? FinishedAt)
{
    public bool Running => Requested > Completed;
}

/// <summary>Asks for, reads and records the re-evaluation of all articles after the rules change.</summary>
public class Reevaluation(TrackerDb db)
{
    /// <summary>The AppState row holding this re-evaluation's progress.</summary>
    protected virtual string Key => "provenance-reevaluation";

    public async Task<ReevaluationState> StateAsync(CancellationToken ct = default)
    {
        var row = await db.AppState.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Key, ct);
        return row is null ? new ReevaluationState(0, 0, 0, 0, null, null) : JsonSerializer.Deserialize<ReevaluationState>(row.Value)!;
    }

    /// <summary>Records that the rules changed; the background re-evaluator picks it up.</summary>
    public async Task RequestAsync(CancellationToken ct = default)
    {
        var state = await StateAsync(ct);
        await SaveAsync(state with { Requested = state.Requested + 1 }, ct);
    }

    public async Task SaveAsync(ReevaluationState state, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(state);
        var updated = await db.AppState.Where(s => s.Key == Key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, json).SetProperty(x => x.UpdatedAt, DateTime.UtcNow), ct);
        if (updated == 0)
        {
            db.AppState.Add(new AppState { Key = Key, Value = json });
            await db.SaveChangesAsync(ct);
        }
    }
}

/// <summary>
/// Re-evaluates every article's flags in the background when the rules change, in batches,
/// recording progress; an article whose flags change gets an articleUpdated event.
/// </summary>
public sealed class Reevaluator(IServiceScopeFactory scopes, ProvenanceEngine engine, ArticleReader reader, ILogger<Reevaluator> log)
    : ArticleReevaluator<Reevaluation>(scopes, log)
{
    protected override async Task ReevaluateAsync(IServiceProvider services, int[] ids, CancellationToken ct)
    {
        var db = services.GetRequiredService<TrackerDb>();
        var rules = await db.ProvenanceRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(ct);
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Html, a.Text, a.Author, a.PublishedAt, a.Source }).ToListAsync(ct);
        var snapshots = (await db.Snapshots.AsNoTracking().Where(s => s.ArticleId != null && ids.Contains(s.ArticleId.Value))
                .Select(s => new { s.Id, s.ArticleId, s.MediaType, s.Body, s.Headers }).ToListAsync(ct))
            .GroupBy(s => s.ArticleId!.Value).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Id)!);
        var changed = new List<int>();
        foreach (var a in articles)
        {
            snapshots.TryGetValue(a.Id, out var snapshot);
            var html = snapshot?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true ? snapshot.Body : null;
            var headers = snapshot is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(snapshot.Headers);
            var known = a.Source?.KnownToEditors == true;
            var facts = new ArticleFacts(a.Text, a.Author, a.PublishedAt, a.Source?.Credibility, known, html, headers) { CodeRanges = CodeRanges.Find(a.Html) };
            if (await FlagSync.ReplaceAsync(db, a.Id, engine.Evaluate(facts, rules), "not raised by the current rules", ct))
            {
                db.Events.Add(TrackerEvent.Create(EventTypes.ArticleUpdated, a.Id, new { id = a.Id, reason = "flags re-evaluated" }));
                changed.Add(a.Id);
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        reader.Forget(changed);
    }
}
