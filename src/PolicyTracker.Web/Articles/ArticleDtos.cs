using System.Text.Json.Serialization;

namespace PolicyTracker.Web.Articles;

/// <summary>A source as lists and articles show it.</summary>
public sealed record SourceDto(int Id, string Name, string Domain, string Credibility)
{
    public static SourceDto? From(Source? s) => s is null ? null : new(s.Id, s.Name, s.Domain, CredibilityNames.ToWire(s.Credibility));
}

/// <summary>One row of the article list.</summary>
public sealed record ArticleListItem(
    int Id, string Title, SourceDto? Source, string? Author, DateTime? PublishedAt, DateTime IngestedAt,
    IReadOnlyList<FlagBadge> Flags, object? Cluster);

/// <summary>A flag as lists show it: kind and severity (one per kind, the most severe).</summary>
public sealed record FlagBadge(string Kind, string Severity)
{
    static int Rank(string severity) => severity switch { "high" => 2, "warning" => 1, _ => 0 };

    public static IReadOnlyList<FlagBadge> Distinct(IEnumerable<FlagBadge> flags) =>
        [.. flags.GroupBy(f => f.Kind).Select(g => g.MaxBy(f => Rank(f.Severity))!).OrderByDescending(f => Rank(f.Severity)).ThenBy(f => f.Kind)];
}

/// <summary>A flag in full: the rule that raised it and its evidence (a text span, or a metadata field and value).</summary>
public sealed record FlagDto(int Id, string Kind, string Rule, int RuleVersion, string Severity, FlagEvidence Evidence, bool Dismissed, string? DismissReason,
    DateTime? RetiredAt, string? RetiredNote)
{
    public static FlagDto From(Provenance.Flag f) => new(f.Id, f.Kind, f.RuleId, f.RuleVersion, f.Severity,
        f.EvidenceExact is not null
            ? new FlagEvidence(f.EvidenceExact, f.EvidenceStart, f.EvidenceEnd, null, null)
            : new FlagEvidence(null, null, null, f.EvidenceField, f.EvidenceValue),
        f.Dismissed, f.DismissReason, f.RetiredAt, f.RetiredNote);

    /// <summary>No longer raised by its rule (kept to show what it said).</summary>
    [JsonIgnore] public bool Retired => RetiredAt is not null;

    /// <summary>Raised now and not dismissed: the test <see cref="Provenance.FlagQueries.Active"/> makes in queries.</summary>
    [JsonIgnore] public bool Active => !Dismissed && !Retired;
}

/// <summary><c>{exact, start, end}</c> in code points of the canonical text, or <c>{field, value}</c>.</summary>
public sealed record FlagEvidence(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Exact,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Start,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? End,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Value);

/// <summary>An article in full, as <c>GET /api/articles/{id}</c> returns it.</summary>
public sealed record ArticleDetail(
    int Id, string Title, string? Url, SourceDto? Source, string? Author, DateTime? PublishedAt, DateTime IngestedAt,
    string Text, string Html, IReadOnlyList<FlagDto> Flags, IReadOnlyList<object> Entities, IReadOnlyList<object> Claims,
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
