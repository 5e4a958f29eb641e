using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Articles;

namespace PolicyTracker.Web.Provenance;

/// <summary>Flag review over HTTP (Editors) and each article's flag audit trail (readers).</summary>
[ApiController]
public sealed class FlagsApiController(FlagReview review) : ControllerBase
{
    /// <summary>Dismisses a flag; a reason is required.</summary>
    [HttpPost("api/flags/{id:int}/dismiss"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<FlagDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public Task<IActionResult> Dismiss(int id, FlagReviewRequest? request, CancellationToken ct) => Change(id, true, request?.Reason, ct);

    /// <summary>Restores a dismissed flag.</summary>
    [HttpPost("api/flags/{id:int}/restore"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<FlagDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public Task<IActionResult> Restore(int id, FlagReviewRequest? request, CancellationToken ct) => Change(id, false, request?.Reason, ct);

    /// <summary>Who dismissed or restored the article's flags, when and why.</summary>
    [HttpGet("api/articles/{articleId:int}/flag-audit"), Authorize(Policy = Policies.Read)]
    public async Task<IEnumerable<FlagAuditDto>> Trail(int articleId, CancellationToken ct) =>
        (await review.TrailAsync(articleId, ct)).Select(a => new FlagAuditDto(a.FlagId, a.Action, a.Reason, a.UserName, a.At));

    async Task<IActionResult> Change(int id, bool dismiss, string? reason, CancellationToken ct)
    {
        var result = await review.SetDismissedAsync(id, dismiss, reason, User, ct);
        if (result is null) return Problem(statusCode: 404, title: $"Flag {id} does not exist.");
        if (!result.Value.Succeeded)
        {
            ModelState.AddModelError("reason", result.Value.Error!);
            return ValidationProblem(ModelState);
        }
        return Ok(FlagDto.From(result.Value.Value!));
    }
}

public sealed record FlagReviewRequest(string? Reason);

/// <summary>One step of a flag's review.</summary>
public sealed record FlagAuditDto(int FlagId, string Action, string? Reason, string By, DateTime At);
