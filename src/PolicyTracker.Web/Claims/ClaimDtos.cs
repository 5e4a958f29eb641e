using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyTracker.Web.Claims;

/// <summary>A W3C selector: <c>TextQuoteSelector</c> {exact, prefix, suffix} or <c>TextPositionSelector</c> {start, end} (code points).</summary>
public sealed record SelectorDto(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Exact = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Prefix = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Suffix = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Start = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? End = null)
{
    public const string Quote = "TextQuoteSelector";
    public const string Position = "TextPositionSelector";

    /// <summary>The two selectors of a claim's span.</summary>
    public static IReadOnlyList<SelectorDto> Of(Claim c) =>
        [new(Quote, c.Exact, c.Prefix, c.Suffix), new(Position, Start: c.Start, End: c.End)];
}

/// <summary>A piece of evidence: a web address or another PolicyTracker article, with a note.</summary>
public sealed record EvidenceItem(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ArticleId,
    string? Note)
{
    public static IReadOnlyList<EvidenceItem> Parse(string json) => JsonSerializer.Deserialize<List<EvidenceItem>>(json, JsonSerializerOptions.Web) ?? [];
    public static string Serialize(IReadOnlyList<EvidenceItem> items) => JsonSerializer.Serialize(items, JsonSerializerOptions.Web);
}

/// <summary>A claim as the API returns it; <c>audit</c> only on the single-claim endpoints.</summary>
public sealed record ClaimDto(
    int Id, int ArticleId, IReadOnlyList<SelectorDto> Selector, string Exact, int Start, int End, bool Orphaned,
    string Status, string Suggestion, string? PendingStatus, string? Note, IReadOnlyList<EvidenceItem> Evidence,
    string? ProposedBy, string? AssignedTo, DateTime CreatedAt, DateTime UpdatedAt, DateTime? RuledAt, int Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ClaimAuditDto>? Audit = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ArticleTitle = null)
{
    public static ClaimDto From(Claim c, IReadOnlyList<ClaimAuditDto>? audit = null, string? articleTitle = null) => new(
        c.Id, c.ArticleId, SelectorDto.Of(c), c.Exact, c.Start, c.End, c.Orphaned, c.Status, c.Suggestion, c.PendingStatus,
        c.Note, EvidenceItem.Parse(c.Evidence), c.ProposedByName, c.AssignedToName, c.CreatedAt, c.UpdatedAt, c.RuledAt, c.Version,
        audit, articleTitle);

    /// <summary>The ETag of a claim version.</summary>
    public static string ETag(Claim c) => $"\"{c.Version}\"";
}

/// <summary>One audit step: who, when, from which status to which, note and evidence.</summary>
public sealed record ClaimAuditDto(int Id, string Action, string? FromStatus, string? ToStatus, string? Note, IReadOnlyList<EvidenceItem> Evidence, string By, DateTime At)
{
    public static ClaimAuditDto From(ClaimAudit a) => new(a.Id, a.Action, a.FromStatus, a.ToStatus, a.Note, EvidenceItem.Parse(a.Evidence), a.UserName, a.At);
}

/// <summary>Body of <c>POST /api/articles/{id}/claims</c>.</summary>
public sealed record ProposeClaimRequest(IReadOnlyList<SelectorDto>? Selector, string? Note);

/// <summary>Body of <c>PUT /api/claims/{id}</c>: a ruling.</summary>
public sealed record RuleClaimRequest(string? Status, string? Note, IReadOnlyList<EvidenceItem>? Evidence);

/// <summary>Body of the sign-off: confirm (approve) or reject the pending ruling.</summary>
public sealed record SignOffRequest(bool Approve, string? Note);

/// <summary>Body of dismissing a suggestion.</summary>
public sealed record DismissSuggestionRequest(string? Note);

/// <summary>"3 claims: 1 verified, 1 disputed, 1 unverified": counts of an article's claims by status.</summary>
public sealed record ClaimSummary(int Total, IReadOnlyDictionary<string, int> ByStatus)
{
    public override string ToString() => Total == 0 ? "No claims" :
        $"{Total} claim{(Total == 1 ? "" : "s")}: " + string.Join(", ", ByStatus.OrderBy(s => Array.IndexOf(ClaimStatuses.All, s.Key)).Select(s => $"{s.Value} {ClaimStatuses.Label(s.Key).ToLowerInvariant()}"));
}
