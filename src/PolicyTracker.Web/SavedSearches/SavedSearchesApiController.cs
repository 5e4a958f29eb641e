using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Articles;

namespace PolicyTracker.Web.SavedSearches;

/// <summary>Saved searches over HTTP (Analysts and above): each member sees and changes only their own; others' answer 404.</summary>
[ApiController]
[Route("api/saved-searches")]
[Authorize(Policy = Policies.Analyst)]
public sealed class SavedSearchesApiController(SavedSearchService service) : ControllerBase
{
    string Owner => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>The caller's saved searches, newest first, with unread and match counts.</summary>
    [HttpGet]
    [ProducesResponseType<Paged<SavedSearchDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> List([FromQuery] int page = 1, [FromQuery] int pageSize = 50, CancellationToken ct = default)
    {
        if (Paging.Problem(page, pageSize) is { } problem) return ValidationProblem(problem);
        return Ok(await service.ListAsync(Owner, page, pageSize, ct));
    }

    /// <summary>Saves a query in the Search page's language (with optional source/flag facets and webhook) → 201.</summary>
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<SavedSearchDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Create(SavedSearchInput input, CancellationToken ct)
    {
        if (await Invalid(input, ct) is { } invalid) return invalid;
        if (await service.AtLimitAsync(Owner, ct))
            return Problem(statusCode: 400, title: $"You already have {SavedSearchRules.MaxPerMember} saved searches; delete one first.");
        var created = await service.CreateAsync(Owner, input, ct);
        return CreatedAtAction(nameof(Get), new { id = created.Id }, created);
    }

    /// <summary>One saved search.</summary>
    [HttpGet("{id:int}")]
    [ProducesResponseType<SavedSearchDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(int id, CancellationToken ct) =>
        await service.GetAsync(Owner, id, ct) is { } found ? Ok(found) : NotFound(id);

    /// <summary>Changes name, query, facets or webhook; matches found so far stay.</summary>
    [HttpPut("{id:int}")]
    [Consumes("application/json")]
    [ProducesResponseType<SavedSearchDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Update(int id, SavedSearchInput input, CancellationToken ct)
    {
        if (await service.GetAsync(Owner, id, ct) is null) return NotFound(id);
        if (await Invalid(input, ct) is { } invalid) return invalid;
        return await service.UpdateAsync(Owner, id, input, ct) is { } updated ? Ok(updated) : NotFound(id);
    }

    /// <summary>Deletes a saved search with its matches.</summary>
    [HttpDelete("{id:int}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Delete(int id, CancellationToken ct) =>
        await service.DeleteAsync(Owner, id, ct) ? NoContent() : NotFound(id);

    /// <summary>The saved search's matches, newest first (<c>unread=true</c> for unseen ones only).</summary>
    [HttpGet("{id:int}/matches")]
    [ProducesResponseType<Paged<MatchDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Matches(int id, [FromQuery] int page = 1, [FromQuery] int pageSize = 50, [FromQuery] bool unread = false, CancellationToken ct = default)
    {
        if (Paging.Problem(page, pageSize) is { } problem) return ValidationProblem(problem);
        return await service.MatchesAsync(Owner, id, page, pageSize, unread, ct) is { } matches ? Ok(matches) : NotFound(id);
    }

    /// <summary>Marks the matches seen (all, or those up to <c>upTo</c>); answers what is still unread.</summary>
    [HttpPost("{id:int}/seen")]
    [ProducesResponseType<SeenResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Seen(int id, SeenRequest? request, CancellationToken ct) =>
        await service.MarkSeenAsync(Owner, id, request?.UpTo, ct) is { } result ? Ok(result) : NotFound(id);

    /// <summary>Unread matches across the caller's saved searches (the header's count).</summary>
    [HttpGet("unread")]
    [ProducesResponseType<UnreadSummary>(StatusCodes.Status200OK)]
    public Task<UnreadSummary> Unread(CancellationToken ct) => service.UnreadAsync(Owner, ct);

    /// <summary>A UTC day's matches (default today) across the caller's saved searches.</summary>
    [HttpGet("digest")]
    [ProducesResponseType<Digest>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Digest([FromQuery] string? date, CancellationToken ct)
    {
        if (!SavedSearchesController.TryDay(date, out var day)) return Problem(statusCode: 400, title: "date must be written as 2026-01-31.");
        return Ok(await service.DigestAsync(Owner, day, ct));
    }

    /// <summary>The latest webhook deliveries of a saved search, with their errors.</summary>
    [HttpGet("{id:int}/deliveries")]
    [ProducesResponseType<IReadOnlyList<DeliveryDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Deliveries(int id, CancellationToken ct) =>
        await service.DeliveriesAsync(Owner, id, 50, ct) is { } list ? Ok(list) : NotFound(id);

    /// <summary>
    /// The matches as an Atom feed, for feed readers: authenticate with a (read-only) token in
    /// <c>Authorization: Bearer</c> or as <c>?access_token=</c>.
    /// </summary>
    [HttpGet("{id:int}/feed")]
    [Produces("application/atom+xml")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Feed(int id, CancellationToken ct)
    {
        if (await service.GetAsync(Owner, id, ct) is not { } search) return NotFound(id);
        var matches = await service.MatchesAsync(Owner, id, 1, 50, false, ct);
        var site = new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}/");
        return File(AtomFeed.Write(search, matches!.Items, site), "application/atom+xml; charset=utf-8");
    }

    async Task<IActionResult?> Invalid(SavedSearchInput input, CancellationToken ct)
    {
        var errors = await service.ValidateAsync(input, ct);
        if (errors.Count == 0) return null;
        foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
        return ValidationProblem(ModelState);
    }

    ObjectResult NotFound(int id) => Problem(statusCode: 404, title: $"Saved search {id} does not exist.");
}
