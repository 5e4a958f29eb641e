namespace PolicyTracker.Web.Articles;

/// <summary>A source as lists and articles show it.</summary>
public sealed record SourceDto(int Id, string Name, string Domain, string Credibility)
{
    public static SourceDto? From(Source? s) => s is null ? null : new(s.Id, s.Name, s.Domain, CredibilityNames.ToWire(s.Credibility));
}

/// <summary>One row of the article list.</summary>
public sealed record ArticleListItem(
    int Id, string Title, SourceDto? Source, string? Author, DateTime? PublishedAt, DateTime IngestedAt,
    IReadOnlyList<object> Flags, object? Cluster);

/// <summary>An article in full, as <c>GET /api/articles/{id}</c> returns it.</summary>
public sealed record ArticleDetail(
    int Id, string Title, string? Url, SourceDto? Source, string? Author, DateTime? PublishedAt, DateTime IngestedAt,
    string Text, string Html, IReadOnlyList<object> Flags, IReadOnlyList<object> Entities, IReadOnlyList<object> Claims,
    object? Cluster, IReadOnlyList<RevisionDto> Revisions);

/// <summary>One stored version of an article.</summary>
public sealed record RevisionDto(int Id, int Number, DateTime FetchedAt, string Sha256, int? SnapshotId);

/// <summary>A page of a list: <c>{total, page, pageSize, items}</c>.</summary>
public sealed record Paged<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items);

/// <summary>The body of <c>POST /api/articles</c>.</summary>
public sealed record NewArticleRequest(
    string? Title, string? Content, string? ContentType, string? Url, string? Source, string? Author, DateTime? PublishedAt);

/// <summary>The answer to <c>POST /api/articles</c>: the new article, or the one it duplicates.</summary>
public sealed record NewArticleResponse(int Id, string Title, string Status, int? DuplicateOf);
