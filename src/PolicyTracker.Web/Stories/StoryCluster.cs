using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Web.Articles;

namespace PolicyTracker.Web.Stories;

/// <summary>One story reported by several articles (wire copies, light rewrites, the same release), with its first appearance.</summary>
public sealed class StoryCluster
{
    public int Id { get; set; }
    /// <summary>The article that appeared first: earliest published, then earliest ingested.</summary>
    public int? FirstArticleId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>An article's place among stories: its MinHash signature, its cluster (none when alone) and any editor's decision.</summary>
public sealed class StoryMember
{
    public int ArticleId { get; set; }
    public int? ClusterId { get; set; }
    public StoryCluster? Cluster { get; set; }
    /// <summary>MinHash signature (<see cref="StorySignature.Size"/> unsigned 32-bit values).</summary>
    public required byte[] Signature { get; set; }
    /// <summary>Set when an editor placed the article: processing it again leaves it where it is.</summary>
    public StoryDecision Decision { get; set; }
}

/// <summary>What an editor decided about an article's story.</summary>
public enum StoryDecision
{
    /// <summary>Placed by similarity.</summary>
    None = 0,
    /// <summary>Split out: kept alone, never joined to a story by similarity.</summary>
    Alone = 1,
    /// <summary>Merged into its cluster by an editor.</summary>
    Merged = 2,
}

sealed class StoryClusterConfiguration : IEntityTypeConfiguration<StoryCluster>
{
    public void Configure(EntityTypeBuilder<StoryCluster> cluster)
    {
        cluster.HasOne<Article>().WithMany().HasForeignKey(c => c.FirstArticleId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class StoryMemberConfiguration : IEntityTypeConfiguration<StoryMember>
{
    public void Configure(EntityTypeBuilder<StoryMember> member)
    {
        member.HasKey(m => m.ArticleId);
        member.HasOne<Article>().WithOne().HasForeignKey<StoryMember>(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne(m => m.Cluster).WithMany().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.SetNull);
        member.HasIndex(m => m.ClusterId);
        member.Property(m => m.Decision).HasConversion<string>().HasMaxLength(16);
    }
}
