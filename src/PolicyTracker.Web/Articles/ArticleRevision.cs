using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Articles;

/// <summary>One version of an article's content; the newest is the article's current text, older ones are never overwritten.</summary>
public sealed class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    /// <summary>1 for the first version, then 2, 3, …</summary>
    public int Number { get; set; }
    public DateTime FetchedAt { get; set; } = DateTime.UtcNow;
    /// <summary>Lower-case hex SHA-256 of <see cref="Text"/>.</summary>
    public required string Sha256 { get; set; }
    public required string Title { get; set; }
    /// <summary>This version's HTML; null on the newest revision, whose content is the article's own (stored once).</summary>
    public string? Html { get; set; }
    /// <summary>This version's canonical text; null on the newest revision, as for <see cref="Html"/>.</summary>
    public string? Text { get; set; }
    public int? SnapshotId { get; set; }
}

/// <summary>What was fetched, exactly: the response text, the headers that matter, when, and its hash.</summary>
public sealed class Snapshot
{
    public int Id { get; set; }
    public int? ArticleId { get; set; }
    public Article? Article { get; set; }
    public required string Url { get; set; }
    public required string FinalUrl { get; set; }
    public DateTime FetchedAt { get; set; }
    public int StatusCode { get; set; }
    public string? MediaType { get; set; }
    public string? Charset { get; set; }
    /// <summary>JSON object of the response headers kept (content-type, last-modified, ai-disclosure, …).</summary>
    public string Headers { get; set; } = "{}";
    public required string Body { get; set; }
    /// <summary>Lower-case hex SHA-256 of the response bytes.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The snapshot to store for a fetched response.</summary>
    public static Snapshot From(Ingestion.SnapshotDraft d, Article? article = null) => new()
    {
        Url = d.Url,
        FinalUrl = d.FinalUrl,
        FetchedAt = d.FetchedAt,
        StatusCode = d.StatusCode,
        MediaType = d.MediaType,
        Charset = d.Charset,
        Headers = System.Text.Json.JsonSerializer.Serialize(d.Headers),
        Body = d.Body,
        Sha256 = d.Sha256,
        Article = article,
    };
}

sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> revision)
    {
        revision.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        revision.Property(r => r.Sha256).HasMaxLength(64);
        revision.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        revision.HasOne<Snapshot>().WithMany().HasForeignKey(r => r.SnapshotId).OnDelete(DeleteBehavior.SetNull);
    }
}

sealed class SnapshotConfiguration : IEntityTypeConfiguration<Snapshot>
{
    public void Configure(EntityTypeBuilder<Snapshot> snapshot)
    {
        snapshot.HasIndex(s => s.ArticleId);
        snapshot.Property(s => s.Url).HasMaxLength(2048);
        snapshot.Property(s => s.FinalUrl).HasMaxLength(2048);
        snapshot.Property(s => s.Sha256).HasMaxLength(64);
        snapshot.HasOne(s => s.Article).WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
