using System.Text.Json;

namespace PolicyTracker.Web.Live;

/// <summary>What clients receive for each event, over the hub and from <c>CatchUp</c>.</summary>
public sealed record EventMessage(long Number, string Type, int? ArticleId, DateTime At, JsonElement Data)
{
    public static EventMessage From(TrackerEvent e) =>
        new(e.Id, e.Type, e.ArticleId, e.CreatedAt, JsonDocument.Parse(e.Data).RootElement.Clone());
}

/// <summary>One page of <c>CatchUp</c>: events in order, and whether more follow.</summary>
public sealed record CatchUpPage(IReadOnlyList<EventMessage> Events, bool HasMore, long Last);

/// <summary>Who is viewing an article now.</summary>
public sealed record PresenceMessage(int ArticleId, IReadOnlyList<string> Viewers, long LastEvent);

/// <summary>What <c>JoinArticle</c> answers.</summary>
public sealed record JoinResult(int ArticleId, IReadOnlyList<string> Viewers, long LastEvent);
