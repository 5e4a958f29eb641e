using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Live;

/// <summary>
/// One numbered entry of the append-only event log, written in the same transaction as the
/// change it describes. The hub, the indexer and other nodes all follow these numbers.
/// </summary>
public sealed class TrackerEvent
{
    /// <summary>The event number: increasing, and committed in order (see <see cref="EventOrdering"/>).</summary>
    public long Id { get; set; }
    /// <summary>The event name sent to clients, one of <see cref="EventTypes"/>.</summary>
    public required string Type { get; set; }
    public int? ArticleId { get; set; }
    /// <summary>When set, only this member may see the event (a private annotation, their own alert).</summary>
    public string? VisibleToUserId { get; set; }
    /// <summary>JSON object with what clients need to show the change.</summary>
    public string Data { get; set; } = "{}";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    /// <summary>A new event carrying <paramref name="data"/> serialized as JSON (web casing).</summary>
    public static TrackerEvent Create(string type, int? articleId, object data, string? visibleToUserId = null) => new()
    {
        Type = type,
        ArticleId = articleId,
        VisibleToUserId = visibleToUserId,
        Data = JsonSerializer.Serialize(data, JsonSerializerOptions.Web),
    };
}

/// <summary>The event names of DESIGN.md.</summary>
public static class EventTypes
{
    public const string ArticleIngested = "articleIngested";
    public const string ArticleUpdated = "articleUpdated";
    public const string AnnotationCreated = "annotationCreated";
    public const string AnnotationUpdated = "annotationUpdated";
    public const string AnnotationDeleted = "annotationDeleted";
    public const string ClaimUpdated = "claimUpdated";
    public const string FlagUpdated = "flagUpdated";
    public const string SavedSearchMatched = "savedSearchMatched";

    /// <summary>
    /// Annotation events: they change nothing cached about the article itself, and in the index only
    /// its team tags (which the index follower compares before re-indexing).
    /// </summary>
    public static bool IsAnnotation(string type) => type is AnnotationCreated or AnnotationUpdated or AnnotationDeleted;
}

sealed class TrackerEventConfiguration : IEntityTypeConfiguration<TrackerEvent>
{
    public void Configure(EntityTypeBuilder<TrackerEvent> e)
    {
        e.ToTable("Events");
        e.Property(x => x.Type).HasMaxLength(64);
        e.Property(x => x.VisibleToUserId).HasMaxLength(64);
        e.HasIndex(x => x.ArticleId);
    }
}
