using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Articles;

namespace PolicyTracker.Web.SavedSearches;

/// <summary>A query an Analyst keeps watching: every new or changed article it finds becomes a match.</summary>
public sealed class SavedSearch
{
    public int Id { get; set; }
    public required string OwnerId { get; set; }
    public TrackerUser? Owner { get; set; }
    public required string Name { get; set; }
    /// <summary>The query in the Search page's language.</summary>
    public required string Query { get; set; }
    /// <summary>The Search page's source facet, when the search was saved with one.</summary>
    public string? Source { get; set; }
    /// <summary>The Search page's flag facet, when the search was saved with one.</summary>
    public string? Flag { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Only events after this number are matched: a saved search watches what comes after it.</summary>
    public long StartAfterEvent { get; set; }
    public string? WebhookUrl { get; set; }
    /// <summary>Key of the HMAC-SHA256 signature sent with each webhook delivery.</summary>
    public string? WebhookSecret { get; set; }
    /// <summary>When the owner last looked at the matches (the last-seen marker).</summary>
    public DateTime? LastSeenAt { get; set; }
}

/// <summary>An article a saved search found; unread until its owner has seen it.</summary>
public sealed class SavedSearchMatch
{
    public long Id { get; set; }
    public int SavedSearchId { get; set; }
    public SavedSearch? SavedSearch { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public DateTime MatchedAt { get; set; } = DateTime.UtcNow;
    public bool Seen { get; set; }
}

/// <summary>One webhook POST of a match, retried with exponential backoff until it succeeds or gives up.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public int SavedSearchId { get; set; }
    public SavedSearch? SavedSearch { get; set; }
    /// <summary>The exact JSON body sent (and signed).</summary>
    public required string Payload { get; set; }
    public WebhookStatus Status { get; set; } = WebhookStatus.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime NextAttemptAt { get; set; } = DateTime.UtcNow;
    /// <summary>Lease: a sender that claimed the delivery holds it until then.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    /// <summary>The error of the latest failed attempt (kept after a later success).</summary>
    public string? LastError { get; set; }
}

/// <summary>Where a webhook delivery stands.</summary>
public enum WebhookStatus
{
    Pending,
    Delivered,
    Failed,
}

sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> s)
    {
        s.Property(x => x.Name).HasMaxLength(SavedSearchRules.MaxName);
        s.Property(x => x.Query).HasMaxLength(SavedSearchRules.MaxQuery);
        s.Property(x => x.Source).HasMaxLength(200);
        s.Property(x => x.Flag).HasMaxLength(100);
        s.Property(x => x.WebhookUrl).HasMaxLength(2048);
        s.Property(x => x.WebhookSecret).HasMaxLength(200);
        s.HasIndex(x => x.OwnerId);
        s.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class SavedSearchMatchConfiguration : IEntityTypeConfiguration<SavedSearchMatch>
{
    public void Configure(EntityTypeBuilder<SavedSearchMatch> m)
    {
        m.HasIndex(x => new { x.SavedSearchId, x.ArticleId }).IsUnique();
        m.HasIndex(x => new { x.SavedSearchId, x.Seen });
        m.HasIndex(x => x.MatchedAt);
        m.HasOne(x => x.SavedSearch).WithMany().HasForeignKey(x => x.SavedSearchId).OnDelete(DeleteBehavior.Cascade);
        m.HasOne(x => x.Article).WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> d)
    {
        d.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        d.Property(x => x.LastError).HasMaxLength(2000);
        d.HasIndex(x => new { x.Status, x.NextAttemptAt });
        d.HasIndex(x => x.SavedSearchId);
        d.HasOne(x => x.SavedSearch).WithMany().HasForeignKey(x => x.SavedSearchId).OnDelete(DeleteBehavior.Cascade);
    }
}
