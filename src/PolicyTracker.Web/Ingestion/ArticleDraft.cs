namespace PolicyTracker.Web.Ingestion;

/// <summary>An article as it arrives, before cleaning: from a file, a form, the API or a fetch.</summary>
public sealed record ArticleDraft(
    string Title,
    string Content,
    ContentType ContentType,
    string? Url = null,
    string? SourceName = null,
    string? Author = null,
    DateTime? PublishedAt = null)
{
    /// <summary>What was fetched, when the draft came from the web; kept as the article's snapshot.</summary>
    public SnapshotDraft? Snapshot { get; init; }

    /// <summary>A snapshot already stored that this draft was read from (a feed fetch shared by its items).</summary>
    public int? SharedSnapshotId { get; init; }

    /// <summary>True when the draft comes from a fresh fetch, which may revise a known address.</summary>
    public bool IsFetched => Snapshot is not null || SharedSnapshotId is not null;
}

/// <summary>A fetched response as it will be kept: text, the headers that matter, time and hash.</summary>
public sealed record SnapshotDraft(
    string Url, string FinalUrl, DateTime FetchedAt, int StatusCode, string? MediaType, string? Charset,
    IReadOnlyDictionary<string, string> Headers, string Body, string Sha256);

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
    /// <summary>A known address came back with changed content: a new revision was stored.</summary>
    Updated,
}

/// <summary>The outcome of storing a draft: the article it created or the one it duplicates.</summary>
public sealed record IngestOutcome(int ArticleId, string Title, IngestStatus Status);
