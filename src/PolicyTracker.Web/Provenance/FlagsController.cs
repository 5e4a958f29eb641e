using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Provenance;

/// <summary>The dismiss and restore buttons of the Article page's provenance panel (Editors).</summary>
[Authorize(Policy = Policies.Editor)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class FlagsController(FlagReview review) : Controller
{
    [HttpPost("/articles/{articleId:int}/flags/{id:int}/dismiss")]
    public Task<IActionResult> Dismiss(int articleId, int id, string? reason, CancellationToken ct) => Change(articleId, id, true, reason, ct);

    [HttpPost("/articles/{articleId:int}/flags/{id:int}/restore")]
    public Task<IActionResult> Restore(int articleId, int id, string? reason, CancellationToken ct) => Change(articleId, id, false, reason, ct);

    async Task<IActionResult> Change(int articleId, int id, bool dismiss, string? reason, CancellationToken ct)
    {
        var result = await review.SetDismissedAsync(id, dismiss, reason, User, ct);
        if (result is null) return NotFound();
        if (!result.Value.Succeeded) TempData["FlagError"] = result.Value.Error;
        return Redirect($"/articles/{articleId}#provenance");
    }
}
