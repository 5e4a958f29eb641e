using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Articles;

/// <summary>One piece of coverage: its sanitized HTML and the canonical text derived from it.</summary>
public sealed class Article
{
    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>The address it was read from, as given.</summary>
    public string? Url { get; set; }
    /// <summary>The address normalized for duplicate detection (no tracking parameters, no fragment).</summary>
    public string? CanonicalUrl { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    public string? Author { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime IngestedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Sanitized, normalized HTML: exactly what the article body element on the page contains.</summary>
    public required string Html { get; set; }
    /// <summary>The DOM textContent of <see cref="Html"/>; every offset counts code points in it.</summary>
    public required string Text { get; set; }
    /// <summary>Lower-case hex SHA-256 of <see cref="Text"/>, for exact-duplicate detection.</summary>
    public required string ContentHash { get; set; }
}

sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.Property(a => a.Title).HasMaxLength(1000);
        article.Property(a => a.Url).HasMaxLength(2048);
        article.Property(a => a.CanonicalUrl).HasMaxLength(2048);
        article.Property(a => a.Author).HasMaxLength(500);
        article.Property(a => a.ContentHash).HasMaxLength(64);
        article.HasIndex(a => a.ContentHash).IsUnique();
        article.HasIndex(a => a.CanonicalUrl).IsUnique();
        article.HasIndex(a => a.PublishedAt);
        article.HasIndex(a => a.IngestedAt);
        article.HasOne(a => a.Source).WithMany().HasForeignKey(a => a.SourceId).OnDelete(DeleteBehavior.SetNull);
    }
}
