using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Feeds;

/// <summary>A feed polled in the background at its own interval.</summary>
public sealed class Feed
{
    public int Id { get; set; }
    public required string Url { get; set; }
    public string? Title { get; set; }
    /// <summary>Seconds between polls.</summary>
    public int IntervalSeconds { get; set; } = 900;
    public bool Paused { get; set; }
    /// <summary>Fetch each item's page when the feed carries only a summary.</summary>
    public bool FetchFullPage { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? LastFetchAt { get; set; }
    public DateTime NextFetchAt { get; set; } = DateTime.UtcNow;
    public FeedStatus Status { get; set; } = FeedStatus.New;
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }
    /// <summary>Articles created from this feed.</summary>
    public int ItemCount { get; set; }
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
}

/// <summary>How the last poll of a feed went.</summary>
public enum FeedStatus
{
    New,
    Ok,
    NotModified,
    Failing,
}

sealed class FeedConfiguration : IEntityTypeConfiguration<Feed>
{
    public void Configure(EntityTypeBuilder<Feed> feed)
    {
        feed.Property(f => f.Url).HasMaxLength(2048);
        feed.HasIndex(f => f.Url).IsUnique();
        feed.HasIndex(f => f.NextFetchAt);
        feed.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        feed.Property(f => f.LastError).HasMaxLength(2000);
    }
}
