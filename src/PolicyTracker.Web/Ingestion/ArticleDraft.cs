namespace PolicyTracker.Web.Ingestion;

/// <summary>An article as it arrives, before cleaning: from a file, a form, the API or a fetch.</summary>
public sealed record ArticleDraft(
    string Title,
    string Content,
    ContentType ContentType,
    string? Url = null,
    string? SourceName = null,
    string? Author = null,
    DateTime? PublishedAt = null);

/// <summary>The formats an article's content may come in.</summary>
public enum ContentType
{
    Text,
    Markdown,
    Html,
}

/// <summary>What happened to one draft.</summary>
public enum IngestStatus
{
    Created,
    Duplicate,
}

/// <summary>The outcome of storing a draft: the article it created or the one it duplicates.</summary>
public sealed record IngestOutcome(int ArticleId, string Title, IngestStatus Status);
