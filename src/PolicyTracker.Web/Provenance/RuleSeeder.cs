using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Provenance;

/// <summary>
/// Seeds the phrase and pattern rules from <c>content/provenance-rules.json</c>, and keeps the
/// seeded rules current: a rule an Editor never changed is moved to the newer seeded wording,
/// one an Editor changed is left alone, and new seed rules are added.
/// </summary>
public sealed class RuleSeeder(TrackerDb db, Reevaluation reevaluation, ILogger<RuleSeeder> log)
{
    /// <summary>Adds missing seed rules and updates unedited seeded ones; returns how many rules were added or updated.</summary>
    public async Task<int> SeedAsync(string contentRoot, CancellationToken ct = default)
    {
        var path = Path.Combine(contentRoot, "content", "provenance-rules.json");
        if (!File.Exists(path)) return 0;
        var seeds = JsonSerializer.Deserialize<List<SeedRule>>(await File.ReadAllTextAsync(path, ct), JsonSerializerOptions.Web) ?? [];
        var existing = await db.ProvenanceRules.ToDictionaryAsync(r => r.Id, ct);
        var wasEmpty = existing.Count == 0;
        var changed = 0;
        foreach (var seed in seeds)
        {
            if (ProvenanceEngine.PatternError(seed.Pattern) is { } error)
            {
                log.LogWarning("Seed rule {Rule} skipped: {Error}", seed.Id, error);
                continue;
            }
            if (!existing.TryGetValue(seed.Id, out var rule))
            {
                db.ProvenanceRules.Add(new ProvenanceRule
                {
                    Id = seed.Id, Kind = seed.Kind, Severity = seed.Severity, Pattern = seed.Pattern,
                    SelfReferenceOnly = seed.SelfReferenceOnly, Description = seed.Description,
                });
                changed++;
                continue;
            }
            // The database holds exactly what an earlier seed file said (and the rule is on): nobody
            // edited it, so it takes the newer wording; an edited or disabled rule is the Editors' own.
            var current = Fingerprint(rule.Kind, rule.Severity, rule.Pattern, rule.SelfReferenceOnly, rule.Description);
            if (!rule.Enabled || seed.SeededBefore?.Contains(current) != true) continue;
            (rule.Kind, rule.Severity, rule.Pattern, rule.SelfReferenceOnly, rule.Description, rule.UpdatedAt) =
                (seed.Kind, seed.Severity, seed.Pattern, seed.SelfReferenceOnly, seed.Description, DateTime.UtcNow);
            rule.Version++;
            log.LogInformation("Seed rule {Rule} updated to the newer seeded wording (version {Version})", rule.Id, rule.Version);
            changed++;
        }
        if (changed == 0) return 0;
        await db.SaveChangesAsync(ct);
        // Articles already flagged by the old wording are re-evaluated; a fresh database has none yet.
        if (!wasEmpty) await reevaluation.RequestAsync(ct);
        return changed;
    }

    /// <summary>
    /// What identifies a rule's wording: SHA-256 (lower-case hex) of kind, severity, pattern,
    /// self-reference flag and description. The seed file lists the fingerprints of its earlier wordings.
    /// </summary>
    public static string Fingerprint(string kind, string severity, string pattern, bool selfReferenceOnly, string? description) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\u001f', kind, severity, pattern, selfReferenceOnly ? "1" : "0", description ?? ""))));

    sealed record SeedRule(string Id, string Kind, string Severity, string Pattern, bool SelfReferenceOnly, string? Description, string[]? SeededBefore);
}
