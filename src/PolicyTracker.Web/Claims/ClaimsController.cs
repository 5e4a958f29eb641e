using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Claims;

/// <summary>The review queue, the claim page with its audit trail and ClaimReview, and the Article page's Claims panel.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ClaimsController(ClaimQueries queries) : Controller
{
    /// <summary>Claims by status, source and age, with assign-to-me; pending sign-offs first when asked.</summary>
    [HttpGet("/claims"), Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Queue(string? status, string? source, string? entity, int? olderThanDays, bool mine = false, int page = 1, CancellationToken ct = default)
    {
        if (status is not null && !ClaimStatuses.All.Contains(status)) status = null;
        var filter = new QueueFilter(status, string.IsNullOrWhiteSpace(source) ? null : source, olderThanDays is > 0 ? olderThanDays : null, mine, Math.Max(1, page), 50,
            string.IsNullOrWhiteSpace(entity) ? null : entity.Trim());
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var items = await queries.QueueAsync(filter, userId, ct);
        var pending = await queries.QueueAsync(new QueueFilter(ClaimStatuses.PendingSignoff, PageSize: 20), userId, ct);
        return View(new QueuePage(filter, items, pending, await queries.SourcesAsync(ct)));
    }

    /// <summary>Takes a claim for review from the queue or the claim page.</summary>
    [HttpPost("/claims/{id:int}/assign"), Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Assign(int id, [FromServices] ClaimDesk desk, string? returnUrl, CancellationToken ct)
    {
        var outcome = await desk.AssignToMeAsync(id, User, ct);
        if (outcome.Error == DeskError.NotFound) return NotFound();
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : $"/claims/{id}");
    }

    /// <summary>A claim, its evidence and audit trail; verified and false claims embed their ClaimReview JSON-LD.</summary>
    [HttpGet("/claims/{id:int}"), Authorize(Policy = Policies.Read)]
    public async Task<IActionResult> Show(int id, [FromServices] ClaimReviewDocument review, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } claim) return NotFound();
        var jsonLd = claim.Status is ClaimStatuses.Verified or ClaimStatuses.False
            ? (await review.BuildAsync(id, new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}/"), ct))?.ToJsonString()
            : null;
        return View(new ClaimPage(claim, jsonLd));
    }

    /// <summary>The Claims panel alone, which the Article page reloads when a claim changes.</summary>
    [HttpGet("/articles/{articleId:int}/claims-panel"), Authorize(Policy = Policies.Read)]
    public IActionResult Panel(int articleId) => PartialView("_ClaimsPanel", articleId);
}

/// <summary>The review queue page.</summary>
public sealed record QueuePage(QueueFilter Filter, Articles.Paged<QueueItem> Items, Articles.Paged<QueueItem> Pending, IReadOnlyList<string> Sources);

/// <summary>The claim page; <see cref="JsonLd"/> is the ClaimReview for verified and false claims.</summary>
public sealed record ClaimPage(ClaimDto Claim, string? JsonLd);
