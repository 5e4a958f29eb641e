using PolicyTracker.Web.SavedSearches.Matching;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Web.SavedSearches;

/// <summary>Limits on what a saved search may hold.</summary>
public static class SavedSearchRules
{
    public const int MaxName = 100;
    public const int MaxQuery = 1000;
    public const int MaxPerMember = 500;
    public const int MaxSecret = 200;
}

/// <summary>What a member sends to create or change a saved search; <c>source</c> and <c>flag</c> are the Search page's facets.</summary>
public sealed record SavedSearchInput(string? Name, string? Query, string? Source = null, string? Flag = null, string? WebhookUrl = null, string? WebhookSecret = null);

/// <summary>A saved search as its owner sees it (the webhook secret included: it is theirs).</summary>
public sealed record SavedSearchDto(int Id, string Name, string Query, string? Source, string? Flag, DateTime CreatedAt,
    string? WebhookUrl, string? WebhookSecret, DateTime? LastSeenAt, int Unread, int Matches, DateTime? LastMatchAt, WebhookHealth? Webhook);

/// <summary>How the webhook's deliveries are going.</summary>
public sealed record WebhookHealth(int Pending, int Failed, int Delivered, string? LastError, DateTime? LastFailureAt);

/// <summary>One article a saved search found.</summary>
public sealed record MatchDto(long Id, int ArticleId, string Title, string? Source, DateTime? PublishedAt, DateTime MatchedAt, bool Seen);

/// <summary>Unread matches across the member's saved searches.</summary>
public sealed record UnreadSummary(int Total, IReadOnlyList<UnreadItem> SavedSearches);

/// <summary>Unread matches of one saved search.</summary>
public sealed record UnreadItem(int Id, string Name, int Unread);

/// <summary>What <c>POST …/seen</c> takes: mark matches up to this id seen (all when absent).</summary>
public sealed record SeenRequest(long? UpTo);

/// <summary>Unread matches left after marking.</summary>
public sealed record SeenResult(int Unread, int TotalUnread);

/// <summary>A day's matches across a member's saved searches.</summary>
public sealed record Digest(string Date, int Total, IReadOnlyList<DigestGroup> SavedSearches);

/// <summary>One saved search's matches in a digest.</summary>
public sealed record DigestGroup(int Id, string Name, string Query, IReadOnlyList<MatchDto> Matches);

/// <summary>One webhook delivery as the owner sees it.</summary>
public sealed record DeliveryDto(long Id, string Status, int Attempts, DateTime CreatedAt, DateTime? LastAttemptAt, DateTime? NextAttemptAt, int? LastStatusCode, string? LastError);

/// <summary>The <c>savedSearchMatched</c> event's data.</summary>
public sealed record MatchNotice(long MatchId, int SavedSearchId, string Name, int ArticleId, string Title, string? Source, DateTime? PublishedAt, DateTime MatchedAt)
{
    /// <summary>The owner's unread matches across all saved searches once this one is counted.</summary>
    public int Unread { get; init; }

    public static MatchNotice Of(SavedSearchMatch row, WatchDefinition search, IndexedArticle article) =>
        new(row.Id, search.Id, search.Name, article.Id, article.Title, article.SourceName, article.PublishedAt, row.MatchedAt);
}

/// <summary>The JSON body of a webhook POST (signed as sent).</summary>
public sealed record WebhookPayload(string Event, long MatchId, DateTime MatchedAt, WebhookSearch SavedSearch, WebhookArticle Article)
{
    public static WebhookPayload Of(MatchNotice m, string query) =>
        new("savedSearchMatched", m.MatchId, m.MatchedAt, new(m.SavedSearchId, m.Name, query), new(m.ArticleId, m.Title, m.Source, m.PublishedAt, $"/articles/{m.ArticleId}"));
}

/// <summary>The saved search in a webhook body.</summary>
public sealed record WebhookSearch(int Id, string Name, string Query);

/// <summary>The article in a webhook body; <c>path</c> is relative to the PolicyTracker address.</summary>
public sealed record WebhookArticle(int Id, string Title, string? Source, DateTime? PublishedAt, string Path);
