using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Sources;

/// <summary>The Sources page: every outlet with its coverage, flags and rating; Editors rate them.</summary>
[Authorize(Policy = Policies.Read)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class SourcesController(SourceDirectory sources) : Controller
{
    [HttpGet("/sources")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Sources", new SourcesPage(await sources.ListAsync(ct), null, null));

    [HttpPost("/sources/{id:int}"), Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Rate(int id, string? credibility, string? note, CancellationToken ct)
    {
        var result = await sources.RateAsync(id, credibility, note, ct);
        if (result is null) return NotFound();
        var (message, error) = result.Value.Succeeded ? ($"{result.Value.Value!.Name} is now rated {Shared.Display.Credibility(result.Value.Value.Credibility).ToLowerInvariant()}; its articles were re-evaluated.", (string?)null) : (null, result.Value.Error);
        return View("Sources", new SourcesPage(await sources.ListAsync(ct), message, error));
    }
}

/// <summary>Sources over HTTP: everyone may list them; Editors rate them.</summary>
[ApiController]
[Route("api/sources")]
public sealed class SourcesApiController(SourceDirectory sources) : ControllerBase
{
    /// <summary>Every source with article and active flag counts.</summary>
    [HttpGet, Authorize(Policy = Policies.Read)]
    public Task<List<SourceRow>> List(CancellationToken ct) => sources.ListAsync(ct);

    /// <summary>Sets credibility (credible, slightly_credible, not_credible, unknown) and a note; articles from the source are re-evaluated.</summary>
    [HttpPut("{id:int}"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<SourceRow>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Rate(int id, SourceRating rating, CancellationToken ct)
    {
        var result = await sources.RateAsync(id, rating.Credibility, rating.Note, ct);
        if (result is null) return Problem(statusCode: 404, title: $"Source {id} does not exist.");
        if (result.Value.Succeeded) return Ok(result.Value.Value);
        ModelState.AddModelError("credibility", result.Value.Error!);
        return ValidationProblem(ModelState);
    }
}

public sealed record SourceRating(string? Credibility, string? Note);

public sealed record SourcesPage(IReadOnlyList<SourceRow> Sources, string? Message, string? Error);
