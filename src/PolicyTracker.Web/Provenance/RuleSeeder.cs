using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Provenance;

/// <summary>Seeds the phrase and pattern rules from <c>content/provenance-rules.json</c> when the database has none.</summary>
public sealed class RuleSeeder(TrackerDb db, ILogger<RuleSeeder> log)
{
    /// <summary>Adds the seed rules if there are no rules yet; returns how many were added.</summary>
    public async Task<int> SeedIfEmptyAsync(string contentRoot, CancellationToken ct = default)
    {
        if (await db.ProvenanceRules.AnyAsync(ct)) return 0;
        var path = Path.Combine(contentRoot, "content", "provenance-rules.json");
        if (!File.Exists(path)) return 0;
        var seeds = JsonSerializer.Deserialize<List<SeedRule>>(await File.ReadAllTextAsync(path, ct), JsonSerializerOptions.Web) ?? [];
        foreach (var seed in seeds)
        {
            if (ProvenanceEngine.PatternError(seed.Pattern) is { } error)
            {
                log.LogWarning("Seed rule {Rule} skipped: {Error}", seed.Id, error);
                continue;
            }
            db.ProvenanceRules.Add(new ProvenanceRule
            {
                Id = seed.Id, Kind = seed.Kind, Severity = seed.Severity, Pattern = seed.Pattern,
                SelfReferenceOnly = seed.SelfReferenceOnly, Description = seed.Description,
            });
        }
        await db.SaveChangesAsync(ct);
        return seeds.Count;
    }

    sealed record SeedRule(string Id, string Kind, string Severity, string Pattern, bool SelfReferenceOnly, string? Description);
}
