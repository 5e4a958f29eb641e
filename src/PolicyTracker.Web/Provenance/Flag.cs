using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Provenance;

/// <summary>
/// A provenance flag on an article: its kind, the rule (and version) that raised it, how serious
/// it is, and its evidence: a span of canonical text (code-point offsets) or a metadata field and value.
/// </summary>
public sealed class Flag
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    /// <summary>One of <see cref="FlagKinds"/>.</summary>
    public required string Kind { get; set; }
    public required string RuleId { get; set; }
    public int RuleVersion { get; set; }
    /// <summary>info, warning or high.</summary>
    public required string Severity { get; set; }
    /// <summary>The span verbatim, when the evidence is in the text.</summary>
    public string? EvidenceExact { get; set; }
    /// <summary>Start of the span in code points of the canonical text.</summary>
    public int? EvidenceStart { get; set; }
    /// <summary>End of the span (exclusive), in code points.</summary>
    public int? EvidenceEnd { get; set; }
    /// <summary>The metadata field, when the evidence is not in the text (e.g. <c>meta:ai-disclosure</c>).</summary>
    public string? EvidenceField { get; set; }
    public string? EvidenceValue { get; set; }
    public bool Dismissed { get; set; }
    public string? DismissReason { get; set; }
    /// <summary>When a later evaluation (a new revision, changed rules) stopped raising the flag; it is kept, never dropped.</summary>
    public DateTime? RetiredAt { get; set; }
    /// <summary>Why it is no longer raised, e.g. that its quote is gone from the current revision.</summary>
    public string? RetiredNote { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>Who dismissed or restored a flag, when and why; entries are never changed.</summary>
public sealed class FlagAudit
{
    public int Id { get; set; }
    public int FlagId { get; set; }
    public int ArticleId { get; set; }
    /// <summary>dismissed or restored.</summary>
    public required string Action { get; set; }
    public string? Reason { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public DateTime At { get; set; } = DateTime.UtcNow;
}

/// <summary>The flag kinds.</summary>
public static class FlagKinds
{
    public const string AiGenerated = "ai-generated";
    public const string AiAssisted = "ai-assisted";
    public const string Unverified = "unverified";
    public const string UnknownSource = "unknown-source";
    public const string LowCredibilitySource = "low-credibility-source";
    public const string AnonymousSourcing = "anonymous-sourcing";
    public const string MissingByline = "missing-byline";
    public const string MissingDate = "missing-date";

    public static readonly string[] All = [AiGenerated, AiAssisted, Unverified, UnknownSource, LowCredibilitySource, AnonymousSourcing, MissingByline, MissingDate];
}

sealed class FlagConfiguration : IEntityTypeConfiguration<Flag>
{
    public void Configure(EntityTypeBuilder<Flag> flag)
    {
        flag.Property(f => f.Kind).HasMaxLength(40);
        flag.Property(f => f.RuleId).HasMaxLength(100);
        flag.Property(f => f.Severity).HasMaxLength(10);
        flag.Property(f => f.EvidenceField).HasMaxLength(100);
        flag.Property(f => f.EvidenceValue).HasMaxLength(1000);
        flag.HasIndex(f => f.ArticleId);
        flag.HasIndex(f => f.Kind);
        flag.HasOne<Articles.Article>().WithMany().HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class FlagAuditConfiguration : IEntityTypeConfiguration<FlagAudit>
{
    public void Configure(EntityTypeBuilder<FlagAudit> audit)
    {
        audit.HasIndex(a => a.ArticleId);
        audit.Property(a => a.Action).HasMaxLength(20);
        audit.Property(a => a.Reason).HasMaxLength(2000);
    }
}

/// <summary>Query helpers shared by every reader of flags.</summary>
public static class FlagQueries
{
    /// <summary>Flags raised now and not dismissed: the ones badges, counts and search show.</summary>
    public static IQueryable<Flag> Active(this IQueryable<Flag> flags) => flags.Where(f => !f.Dismissed && f.RetiredAt == null);
}
