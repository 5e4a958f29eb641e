using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.ScaleOut;

/// <summary>
/// A claim on work that must happen on one node at a time (polling feeds, matching saved
/// searches, a re-evaluation, the first-run import): who holds it and until when.
/// </summary>
public sealed class Lease
{
    /// <summary>What the lease guards, e.g. <c>feed-poller</c>.</summary>
    public required string Name { get; set; }
    /// <summary>The <see cref="NodeIdentity"/> of the holder.</summary>
    public required string Holder { get; set; }
    /// <summary>When the claim lapses unless renewed; after it any node may take it.</summary>
    public DateTime ExpiresAt { get; set; }
    /// <summary>How far the holder got (the broadcaster's last event sent), where the next holder resumes; null when not recorded.</summary>
    public long? Position { get; set; }
}

sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> lease)
    {
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(100);
        lease.Property(l => l.Holder).HasMaxLength(100);
    }
}
