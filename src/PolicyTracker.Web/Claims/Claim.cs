using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Claims;

/// <summary>
/// A claim: a span of an article's canonical text (quote with context, and code-point offsets)
/// that editors rule on. Candidates found at ingest wait as suggestions until an Editor accepts
/// or dismisses them; claims proposed by members start accepted.
/// </summary>
public sealed class Claim
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    /// <summary>The span verbatim (TextQuoteSelector exact).</summary>
    public required string Exact { get; set; }
    /// <summary>Up to 32 code points before the span.</summary>
    public string Prefix { get; set; } = "";
    /// <summary>Up to 32 code points after the span.</summary>
    public string Suffix { get; set; } = "";
    /// <summary>Start of the span in code points of the canonical text (TextPositionSelector).</summary>
    public int Start { get; set; }
    /// <summary>End of the span, exclusive, in code points.</summary>
    public int End { get; set; }
    /// <summary>True when a revision no longer contains the quote; the claim keeps its last span.</summary>
    public bool Orphaned { get; set; }
    /// <summary>One of <see cref="ClaimStatuses"/>.</summary>
    public string Status { get; set; } = ClaimStatuses.Unverified;
    /// <summary>One of <see cref="SuggestionStates"/>.</summary>
    public string Suggestion { get; set; } = SuggestionStates.Accepted;
    /// <summary>Under the two-person rule: the ruling (verified or false) waiting for a second Editor.</summary>
    public string? PendingStatus { get; set; }
    /// <summary>The status the claim returns to when the pending ruling is rejected.</summary>
    public string? PendingFrom { get; set; }
    public string? PendingById { get; set; }
    /// <summary>The note of the latest ruling.</summary>
    public string? Note { get; set; }
    /// <summary>The evidence of the latest ruling, as JSON (<see cref="EvidenceItem"/>[]).</summary>
    public string Evidence { get; set; } = "[]";
    public string? ProposedById { get; set; }
    public string? ProposedByName { get; set; }
    public string? AssignedToId { get; set; }
    public string? AssignedToName { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>When the current verified/false/disputed/inconclusive ruling took effect.</summary>
    public DateTime? RuledAt { get; set; }
    /// <summary>Raised on every change; the ETag, and the concurrency token that makes a stale ruling fail.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>One step in a claim's history; entries are only ever added.</summary>
public sealed class ClaimAudit
{
    public int Id { get; set; }
    public int ClaimId { get; set; }
    public int ArticleId { get; set; }
    /// <summary>suggested, proposed, accepted, dismissed, ruled, submitted, signed-off, rejected, assigned, re-anchored, orphaned.</summary>
    public required string Action { get; set; }
    public string? FromStatus { get; set; }
    public string? ToStatus { get; set; }
    public string? Note { get; set; }
    /// <summary>Evidence attached to this step, as JSON.</summary>
    public string Evidence { get; set; } = "[]";
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public DateTime At { get; set; } = DateTime.UtcNow;
}

/// <summary>The claim statuses of DESIGN.md.</summary>
public static class ClaimStatuses
{
    public const string Unverified = "unverified";
    public const string InReview = "in_review";
    public const string Verified = "verified";
    public const string Disputed = "disputed";
    public const string False = "false";
    public const string Inconclusive = "inconclusive";
    public const string PendingSignoff = "pending_signoff";

    public static readonly string[] All = [Unverified, InReview, Verified, Disputed, False, Inconclusive, PendingSignoff];

    /// <summary>Rulings that need evidence and, under the two-person rule, a second Editor.</summary>
    public static bool IsConclusive(string status) => status is Verified or False;

    /// <summary>"In review", "Pending sign-off", … as people read them.</summary>
    public static string Label(string status) => status switch
    {
        InReview => "In review",
        PendingSignoff => "Pending sign-off",
        "" => "",
        _ => char.ToUpperInvariant(status[0]) + status[1..],
    };
}

/// <summary>Whether a claim is a suggestion still waiting for an Editor.</summary>
public static class SuggestionStates
{
    public const string Suggested = "suggested";
    public const string Accepted = "accepted";
    public const string Dismissed = "dismissed";
}

sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> claim)
    {
        claim.Property(c => c.Exact).HasMaxLength(4000);
        claim.Property(c => c.Prefix).HasMaxLength(200);
        claim.Property(c => c.Suffix).HasMaxLength(200);
        claim.Property(c => c.Status).HasMaxLength(20);
        claim.Property(c => c.Suggestion).HasMaxLength(20);
        claim.Property(c => c.PendingStatus).HasMaxLength(20);
        claim.Property(c => c.PendingFrom).HasMaxLength(20);
        claim.Property(c => c.Note).HasMaxLength(4000);
        claim.Property(c => c.Version).IsConcurrencyToken();
        claim.HasIndex(c => c.ArticleId);
        claim.HasIndex(c => new { c.Status, c.Suggestion });
        claim.HasOne<Articles.Article>().WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class ClaimAuditConfiguration : IEntityTypeConfiguration<ClaimAudit>
{
    public void Configure(EntityTypeBuilder<ClaimAudit> audit)
    {
        audit.Property(a => a.Action).HasMaxLength(20);
        audit.Property(a => a.FromStatus).HasMaxLength(20);
        audit.Property(a => a.ToStatus).HasMaxLength(20);
        audit.Property(a => a.Note).HasMaxLength(4000);
        audit.HasIndex(a => a.ClaimId);
    }
}
