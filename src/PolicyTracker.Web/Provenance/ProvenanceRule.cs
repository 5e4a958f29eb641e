using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Provenance;

/// <summary>
/// A phrase or pattern rule over article text, kept in the database (seeded from
/// <c>content/provenance-rules.json</c>) where editors add, edit and disable rules.
/// </summary>
public sealed class ProvenanceRule
{
    /// <summary>Longest pattern stored (PostgreSQL enforces it; the seeded disclosure patterns pass 2,000).</summary>
    public const int MaxPattern = 10_000;

    /// <summary>Stable id, e.g. <c>disclosure.generated-by-ai</c>.</summary>
    public required string Id { get; set; }
    /// <summary>Raised by one on every edit; flags record the version that raised them.</summary>
    public int Version { get; set; } = 1;
    public required string Kind { get; set; }
    public required string Severity { get; set; }
    /// <summary>A .NET regular expression, matched case-insensitively against each sentence as normalized (see <see cref="SentenceText"/>).</summary>
    public required string Pattern { get; set; }
    /// <summary>When true, a match counts only in a sentence that speaks of the article itself ("this article …") or stands alone as a label.</summary>
    public bool SelfReferenceOnly { get; set; }
    public string? Description { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}

sealed class ProvenanceRuleConfiguration : IEntityTypeConfiguration<ProvenanceRule>
{
    public void Configure(EntityTypeBuilder<ProvenanceRule> rule)
    {
        rule.HasKey(r => r.Id);
        rule.Property(r => r.Id).HasMaxLength(100);
        rule.Property(r => r.Kind).HasMaxLength(40);
        rule.Property(r => r.Severity).HasMaxLength(10);
        rule.Property(r => r.Pattern).HasMaxLength(ProvenanceRule.MaxPattern);
    }
}
