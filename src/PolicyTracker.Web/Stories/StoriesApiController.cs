using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Stories;

/// <summary>Stories over HTTP: read one (readers); split and merge (Editors).</summary>
[ApiController]
public sealed class StoriesApiController(TrackerDb db, StoryEditing editing) : ControllerBase
{
    /// <summary>A story with its first appearance and every article, earliest first.</summary>
    [HttpGet("api/clusters/{id:int}"), Authorize(Policy = Policies.Read)]
    [ProducesResponseType<ClusterDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(int id, CancellationToken ct) =>
        await db.ClusterAsync(id, ct) is { } cluster ? Ok(cluster) : Problem(statusCode: 404, title: $"Story {id} does not exist.");

    /// <summary>Takes the article out of its story for good (processing it again does not put it back).</summary>
    [HttpPost("api/articles/{id:int}/cluster/split"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Split(int id, CancellationToken ct) =>
        await editing.SplitAsync(id, ct) is { } error ? Problem(statusCode: 409, title: error) : NoContent();

    /// <summary>Makes the article's story and that of <c>withArticleId</c> one story.</summary>
    [HttpPost("api/articles/{id:int}/cluster/merge"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<ClusterDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Merge(int id, MergeRequest request, CancellationToken ct)
    {
        if (await editing.MergeAsync(id, request.WithArticleId, ct) is { } error) return Problem(statusCode: 409, title: error);
        return Ok(await db.ClusterOfArticleAsync(id, ct));
    }
}

/// <summary>The body of a merge: the other article whose story joins this one's.</summary>
public sealed record MergeRequest(int WithArticleId);

/// <summary>The split and merge forms of the Article page (Editors).</summary>
[Authorize(Policy = Policies.Editor)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class StoriesController(StoryEditing editing) : Controller
{
    [HttpPost("/articles/{id:int}/cluster/split")]
    public async Task<IActionResult> Split(int id, CancellationToken ct)
    {
        TempData["StoryError"] = await editing.SplitAsync(id, ct);
        return Redirect($"/articles/{id}#story");
    }

    [HttpPost("/articles/{id:int}/cluster/merge")]
    public async Task<IActionResult> Merge(int id, int? withArticleId, CancellationToken ct)
    {
        TempData["StoryError"] = withArticleId is int other ? await editing.MergeAsync(id, other, ct) : "Give the number of the article to merge with.";
        return Redirect($"/articles/{id}#story");
    }
}
