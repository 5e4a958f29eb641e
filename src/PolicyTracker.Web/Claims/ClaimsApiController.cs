using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Web.Claims;

/// <summary>Claims over HTTP: members propose, Editors accept, dismiss, rule, sign off and assign; everyone may read.</summary>
[ApiController]
public sealed class ClaimsApiController(ClaimDesk desk, ClaimQueries queries) : ControllerBase
{
    /// <summary>The article's claims in text order; <c>suggestions=true</c> adds the candidates waiting for an Editor.</summary>
    [HttpGet("api/articles/{articleId:int}/claims"), Authorize(Policy = Policies.Read)]
    [ProducesResponseType<IReadOnlyList<ClaimDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> ForArticle(int articleId, [FromQuery] bool suggestions = true, CancellationToken ct = default) =>
        Ok(await queries.ForArticleAsync(articleId, suggestions, ct));

    /// <summary>Proposes a claim from a selection: <c>{selector: [TextQuoteSelector, TextPositionSelector], note?}</c>.</summary>
    [HttpPost("api/articles/{articleId:int}/claims"), Authorize(Policy = Policies.Analyst)]
    [ProducesResponseType<ClaimDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Propose(int articleId, ProposeClaimRequest request, CancellationToken ct)
    {
        var outcome = await desk.ProposeAsync(articleId, request, User, ct);
        if (outcome.Error != DeskError.None) return Refusal(outcome);
        Response.Headers.ETag = ClaimDto.ETag(outcome.Claim!);
        return Created($"/api/claims/{outcome.Claim!.Id}", ClaimDto.From(outcome.Claim));
    }

    /// <summary>The review queue: accepted claims by <c>status</c>, <c>source</c>, <c>entity</c> (canonical name), age (<c>olderThanDays</c>) and <c>mine</c> (assigned to me).</summary>
    [HttpGet("api/claims"), Authorize(Policy = Policies.Read)]
    [ProducesResponseType<Paged<QueueItem>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Queue([FromQuery] string? status, [FromQuery] string? source, [FromQuery] int? olderThanDays,
        [FromQuery] bool mine = false, [FromQuery] int page = 1, [FromQuery] int pageSize = 50, [FromQuery] string? entity = null, CancellationToken ct = default)
    {
        if (Paging.Problem(page, pageSize) is { } paging) return ValidationProblem(paging);
        if (status is not null && !ClaimStatuses.All.Contains(status))
            return Problem(statusCode: 400, title: $"'{status}' is not a claim status; use one of {string.Join(", ", ClaimStatuses.All)}.");
        if (olderThanDays < 0) return Problem(statusCode: 400, title: "olderThanDays must not be negative.");
        return Ok(await queries.QueueAsync(new QueueFilter(status, source, olderThanDays, mine, page, pageSize, string.IsNullOrWhiteSpace(entity) ? null : entity.Trim()), User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, ct));
    }

    /// <summary>One claim with its audit trail; the ETag is the version to send in If-Match.</summary>
    [HttpGet("api/claims/{id:int}"), Authorize(Policy = Policies.Read)]
    [ProducesResponseType<ClaimDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(int id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } claim) return Problem(statusCode: 404, title: $"Claim {id} does not exist.");
        Response.Headers.ETag = $"\"{claim.Version}\"";
        return Ok(claim);
    }

    /// <summary>The claim's audit trail: who, when, from which status to which, note and evidence.</summary>
    [HttpGet("api/claims/{id:int}/audit"), Authorize(Policy = Policies.Read)]
    [ProducesResponseType<IReadOnlyList<ClaimAuditDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Audit(int id, CancellationToken ct) =>
        await queries.FindAsync(id, ct) is null ? Problem(statusCode: 404, title: $"Claim {id} does not exist.") : Ok(await queries.TrailAsync(id, ct));

    /// <summary>Rules on a claim with If-Match: <c>{status, note, evidence: [{url or articleId, note}]}</c>.</summary>
    [HttpPut("api/claims/{id:int}"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<ClaimDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ClaimDto>(StatusCodes.Status412PreconditionFailed)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired)]
    public async Task<IActionResult> Rule(int id, RuleClaimRequest request, CancellationToken ct) =>
        Answer(await desk.RuleAsync(id, IfMatch(), request, User, ct));

    /// <summary>A second Editor confirms (<c>approve: true</c>) or rejects a ruling waiting for sign-off, with If-Match.</summary>
    [HttpPost("api/claims/{id:int}/signoff"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<ClaimDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ClaimDto>(StatusCodes.Status412PreconditionFailed)]
    public async Task<IActionResult> SignOff(int id, SignOffRequest request, CancellationToken ct) =>
        Answer(await desk.SignOffAsync(id, IfMatch(), request, User, ct));

    /// <summary>Accepts a suggested claim.</summary>
    [HttpPost("api/claims/{id:int}/accept"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<ClaimDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Accept(int id, CancellationToken ct) => Answer(await desk.AcceptAsync(id, IfMatch(), User, ct));

    /// <summary>Dismisses a suggested claim: <c>{note?}</c>.</summary>
    [HttpPost("api/claims/{id:int}/dismiss"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<ClaimDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Dismiss(int id, DismissSuggestionRequest? request, CancellationToken ct) =>
        Answer(await desk.DismissAsync(id, IfMatch(), request?.Note, User, ct));

    /// <summary>Assigns the claim to the calling Editor.</summary>
    [HttpPost("api/claims/{id:int}/assign"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<ClaimDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Assign(int id, CancellationToken ct) => Answer(await desk.AssignToMeAsync(id, User, ct));

    /// <summary>The claim as schema.org ClaimReview JSON-LD.</summary>
    [HttpGet("api/claims/{id:int}/claimreview"), Authorize(Policy = Policies.Read)]
    [Produces("application/ld+json")]
    [ProducesResponseType<object>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> ClaimReview(int id, [FromServices] ClaimReviewDocument document, CancellationToken ct)
    {
        var json = await document.BuildAsync(id, SiteRoot(), ct);
        if (json is null) return Problem(statusCode: 404, title: $"Claim {id} does not exist.");
        return Content(json.ToJsonString(), "application/ld+json");
    }

    /// <summary>Exports the claims of the articles matching a search (<c>q</c>, same language as search) as <c>json</c> or <c>csv</c>.</summary>
    [HttpGet("api/claims/export"), Authorize(Policy = Policies.Read)]
    [ProducesResponseType<IReadOnlyList<ExportedClaim>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Export([FromServices] ClaimExport export, [FromQuery] string? q, [FromQuery] string? status,
        [FromQuery] string format = "json", CancellationToken ct = default)
    {
        if (format is not ("json" or "csv")) return Problem(statusCode: 400, title: "format must be json or csv.");
        if (status is not null && !ClaimStatuses.All.Contains(status)) return Problem(statusCode: 400, title: $"'{status}' is not a claim status.");
        try
        {
            var claims = await export.FindAsync(q, status, ct);
            return format == "csv" ? File(System.Text.Encoding.UTF8.GetBytes(ClaimExport.ToCsv(claims)), "text/csv; charset=utf-8", "claims.csv") : Ok(claims);
        }
        catch (QueryError e)
        {
            return Problem(statusCode: 400, title: "The query could not be read.", detail: e.Message);
        }
    }

    Uri SiteRoot() => new($"{Request.Scheme}://{Request.Host}{Request.PathBase}/");

    // If-Match carries the ETag, "3" (or W/"3"); anything unreadable counts as stale.
    int? IfMatch()
    {
        var value = Request.Headers.IfMatch.ToString().Trim();
        if (value.Length == 0) return null;
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return int.TryParse(value.Trim('"'), out var version) ? version : -1;
    }

    IActionResult Answer(DeskOutcome outcome)
    {
        if (outcome.Error != DeskError.None) return Refusal(outcome);
        Response.Headers.ETag = ClaimDto.ETag(outcome.Claim!);
        return Ok(ClaimDto.From(outcome.Claim!));
    }

    IActionResult Refusal(DeskOutcome outcome)
    {
        if (outcome.Error == DeskError.Stale)
        {
            // The current state, so the Editor sees what won and can rule again on it.
            Response.Headers.ETag = ClaimDto.ETag(outcome.Claim!);
            return StatusCode(StatusCodes.Status412PreconditionFailed, ClaimDto.From(outcome.Claim!));
        }
        var status = outcome.Error switch
        {
            DeskError.NotFound => 404,
            DeskError.Forbidden => 403,
            DeskError.Conflict => 409,
            DeskError.PreconditionRequired => 428,
            _ => 400,
        };
        return Problem(statusCode: status, title: outcome.Message);
    }
}
