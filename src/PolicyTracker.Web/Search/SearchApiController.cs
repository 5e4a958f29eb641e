using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Articles;

namespace PolicyTracker.Web.Search;

/// <summary>Full-text search over HTTP, with facets and a coverage timeline.</summary>
[ApiController]
[Route("api/search")]
[Authorize(Policy = Policies.Read)]
public sealed class SearchApiController(SearchService search) : ControllerBase
{
    /// <summary>
    /// Searches articles. <c>q</c> takes words, "phrases", AND/OR/NOT, parentheses, wildcards and the fields
    /// title:, author:, source:, flag:, entity:, cluster:, published:[2026-01-01 TO 2026-06-30]; <c>sort</c> is relevance or date.
    /// Hits are collapsed to one per story (<c>similar</c> counts the others; <c>cluster=</c> lists one story's hits), and <c>total</c> counts stories.
    /// </summary>
    [HttpGet]
    [ProducesResponseType<SearchResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Search([FromQuery] string? q, [FromQuery] DateTime? from, [FromQuery] DateTime? to, [FromQuery] string? source,
        [FromQuery] string? flag, [FromQuery] string? entity = null, [FromQuery] string? cluster = null, [FromQuery] string sort = "relevance",
        [FromQuery] int page = 1, [FromQuery] int pageSize = 20, [FromQuery] string? claimStatus = null, CancellationToken ct = default)
    {
        if (Paging.Problem(page, pageSize) is { } paging) return ValidationProblem(paging);
        if (sort is not ("relevance" or "date")) return Problem(statusCode: 400, title: "sort must be relevance or date.");
        try
        {
            return Ok(await search.SearchAsync(new SearchRequest(q, from, to, source, flag, sort, page, pageSize, entity, cluster, claimStatus), ct));
        }
        catch (QueryError e)
        {
            return Problem(statusCode: 400, title: "The query could not be read.", detail: e.Message);
        }
    }

    /// <summary>Matching coverage per day, week or month.</summary>
    [HttpGet("timeline")]
    [ProducesResponseType<IReadOnlyList<TimelineBucket>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public IActionResult Timeline([FromQuery] string? q, [FromQuery] string? source, [FromQuery] string? flag, [FromQuery] string? entity = null, [FromQuery] string interval = "month", [FromQuery] string? claimStatus = null)
    {
        if (interval is not ("day" or "week" or "month")) return Problem(statusCode: 400, title: "interval must be day, week or month.");
        try
        {
            return Ok(search.Timeline(new SearchRequest(q, Source: source, Flag: flag, Entity: entity, ClaimStatus: claimStatus), interval));
        }
        catch (QueryError e)
        {
            return Problem(statusCode: 400, title: "The query could not be read.", detail: e.Message);
        }
    }
}
