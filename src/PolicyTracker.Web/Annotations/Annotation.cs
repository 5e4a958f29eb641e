using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Web.Articles;

namespace PolicyTracker.Web.Annotations;

/// <summary>
/// A team member's note on an article (W3C Web Annotation): a Markdown comment and tags on a
/// quoted passage, on the whole article, or in reply to another annotation.
/// </summary>
public sealed class Annotation
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    /// <summary>The annotation this one replies to; null for a note on the article's text.</summary>
    public int? ParentId { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    /// <summary>The comment as Markdown (at most <see cref="AnnotationRules.MaxBodyLength"/> characters).</summary>
    public string Body { get; set; } = "";
    /// <summary><see cref="Body"/> rendered by Markdig and sanitized, stored so readers need not render it again.</summary>
    public string BodyHtml { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    /// <summary><see cref="AnnotationVisibility.Team"/> or <see cref="AnnotationVisibility.Private"/>.</summary>
    public string Visibility { get; set; } = AnnotationVisibility.Team;
    /// <summary>The target's source IRI as the client gave it; null means the article itself.</summary>
    public string? TargetSource { get; set; }
    public string? Exact { get; set; }
    public string? Prefix { get; set; }
    public string? Suffix { get; set; }
    /// <summary>Code-point offsets in the article's canonical text (last known when orphaned).</summary>
    public int? Start { get; set; }
    public int? End { get; set; }
    /// <summary>True when the quote could not be found in the article's current text.</summary>
    public bool Orphaned { get; set; }
    /// <summary>The W3C <c>canonical</c> IRI, kept as the client sent it.</summary>
    public string? Canonical { get; set; }
    /// <summary>An id the client sent, kept as W3C <c>via</c> (the server always assigns its own id).</summary>
    public string? Via { get; set; }
    /// <summary>Raised by every change; the ETag is made from it.</summary>
    public int Version { get; set; } = 1;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime ModifiedAt { get; set; } = DateTime.UtcNow;

    /// <summary>The text selector, when the annotation quotes the article.</summary>
    public TextSelector? Selector => Exact is null || Start is null || End is null
        ? null : new TextSelector(Exact, Prefix ?? "", Suffix ?? "", Start.Value, End.Value);

    /// <summary>Sets (or clears) the selector columns.</summary>
    public void SetSelector(TextSelector? s) =>
        (Exact, Prefix, Suffix, Start, End) = (s?.Exact, s?.Prefix, s?.Suffix, s?.Start, s?.End);

    /// <summary>Whether <paramref name="userId"/> may see it: team annotations everyone signed in, private ones their author.</summary>
    public bool VisibleTo(string? userId) => Visibility == AnnotationVisibility.Team || AuthorId == userId;

    /// <summary>The HTTP entity tag of this version.</summary>
    public string ETag => $"\"{Id}-{Version}\"";
}

/// <summary>Who may see an annotation.</summary>
public static class AnnotationVisibility
{
    /// <summary>Every signed-in member.</summary>
    public const string Team = "team";
    /// <summary>Only the author.</summary>
    public const string Private = "private";
}

sealed class AnnotationConfiguration : IEntityTypeConfiguration<Annotation>
{
    public void Configure(EntityTypeBuilder<Annotation> a)
    {
        a.Property(x => x.AuthorId).HasMaxLength(64);
        a.Property(x => x.AuthorName).HasMaxLength(256);
        a.Property(x => x.Visibility).HasMaxLength(16);
        a.Property(x => x.TargetSource).HasMaxLength(2048);
        a.Property(x => x.Canonical).HasMaxLength(2048);
        a.Property(x => x.Via).HasMaxLength(2048);
        a.HasIndex(x => new { x.ArticleId, x.Id });
        a.HasIndex(x => x.ParentId);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<Annotation>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Cascade);
        a.Ignore(x => x.Selector);
        a.Ignore(x => x.ETag);
    }
}
