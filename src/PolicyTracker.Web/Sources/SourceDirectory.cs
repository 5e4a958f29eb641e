using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;
using PolicyTracker.Web.Provenance;
using PolicyTracker.Web.Shared;

namespace PolicyTracker.Web.Sources;

/// <summary>Sources with their counts, and editors' ratings, which re-evaluate the source flags of every article from the source.</summary>
public sealed class SourceDirectory(TrackerDb db, ArticleReader reader)
{
    /// <summary>Every source with how many articles and active flags it has, most covered first.</summary>
    public async Task<List<SourceRow>> ListAsync(CancellationToken ct)
    {
        var articleCounts = await db.Articles.Where(a => a.SourceId != null).GroupBy(a => a.SourceId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var flagCounts = await db.Flags.Active()
            .Join(db.Articles.Where(a => a.SourceId != null), f => f.ArticleId, a => a.Id, (f, a) => a.SourceId!.Value)
            .GroupBy(id => id).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var sources = await db.Sources.AsNoTracking().ToListAsync(ct);
        return [.. sources
            .Select(s => new SourceRow(s.Id, s.Name, s.Domain, CredibilityNames.ToWire(s.Credibility), s.Note, s.Discovered,
                articleCounts.GetValueOrDefault(s.Id), flagCounts.GetValueOrDefault(s.Id)))
            .OrderByDescending(r => r.Articles).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Sets a source's credibility and note; re-evaluates its articles' source flags. Null when the source does not exist.</summary>
    public async Task<Result<SourceRow>?> RateAsync(int id, string? credibility, string? note, CancellationToken ct)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is null) return null;
        if (CredibilityNames.Parse(credibility) is not { } rating)
            return Result<SourceRow>.Fail("Credibility must be credible, slightly_credible, not_credible or unknown.");
        if (note?.Length > 2000) return Result<SourceRow>.Fail("The note is longer than 2,000 characters.");

        var before = ProvenanceEngine.SourceFlags(source.Credibility, source.KnownToEditors).ToList();
        (source.Credibility, source.Note) = (rating, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        source.Discovered = false; // rated by an editor: the tracker knows it now
        var after = ProvenanceEngine.SourceFlags(source.Credibility, source.KnownToEditors).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (!before.SequenceEqual(after))
        {
            var articleIds = await db.Articles.Where(a => a.SourceId == id).Select(a => a.Id).ToListAsync(ct);
            // Source flags that no longer apply are retired, not deleted, so their review history stays; ones that apply again return.
            var raised = after.Select(d => d.RuleId).ToList();
            var sourceFlags = db.Flags.Where(f => articleIds.Contains(f.ArticleId) && f.RuleId.StartsWith("source."));
            await sourceFlags.Where(f => !raised.Contains(f.RuleId) && f.RetiredAt == null).ExecuteUpdateAsync(u => u
                .SetProperty(f => f.RetiredAt, DateTime.UtcNow).SetProperty(f => f.RetiredNote, $"source rated {CredibilityNames.ToWire(rating)}")
                .SetProperty(f => f.EvidenceStart, (int?)null).SetProperty(f => f.EvidenceEnd, (int?)null), ct);
            await sourceFlags.Where(f => raised.Contains(f.RuleId) && f.RetiredAt != null).ExecuteUpdateAsync(u => u
                .SetProperty(f => f.RetiredAt, (DateTime?)null).SetProperty(f => f.RetiredNote, (string?)null), ct);
            var present = (await sourceFlags.Where(f => raised.Contains(f.RuleId)).Select(f => new { f.ArticleId, f.RuleId }).ToListAsync(ct))
                .ToLookup(f => f.ArticleId, f => f.RuleId);
            foreach (var articleId in articleIds)
            {
                FlagSync.AddNew(db, articleId, after.Where(d => !present[articleId].Contains(d.RuleId)));
                db.Events.Add(TrackerEvent.Create(EventTypes.ArticleUpdated, articleId, new { id = articleId, reason = "source rated", credibility = CredibilityNames.ToWire(rating) }));
            }
            await db.SaveChangesAsync(ct);
            reader.Forget(articleIds);
        }
        await tx.CommitAsync(ct);
        return Result<SourceRow>.Ok((await ListAsync(ct)).First(r => r.Id == id));
    }
}

/// <summary>A source as the Sources page and API show it.</summary>
public sealed record SourceRow(int Id, string Name, string Domain, string Credibility, string? Note, bool Discovered, int Articles, int Flags);
