using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Feeds;

/// <summary>Feeds over HTTP (Editors).</summary>
[ApiController]
[Route("api/feeds")]
[Authorize(Policy = Policies.Editor)]
public sealed class FeedsApiController(FeedDirectory feeds) : ControllerBase
{
    /// <summary>Every followed feed with its state.</summary>
    [HttpGet]
    public async Task<IEnumerable<FeedDto>> List() => (await feeds.ListAsync()).Select(FeedDto.From);

    /// <summary>Follows a feed; <c>every</c> is an interval such as 15m, 2h or 1d.</summary>
    [HttpPost]
    [ProducesResponseType<FeedDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Add(NewFeedRequest request)
    {
        var interval = FeedDirectory.ParseInterval(request.Every ?? "15m");
        if (interval is null) return Invalid("every", "Use an interval such as 15m, 2h or 1d.");
        var added = await feeds.AddAsync(request.Url ?? "", interval.Value, request.FetchFullPage);
        return added.Succeeded ? Created($"/api/feeds/{added.Value!.Id}", FeedDto.From(added.Value)) : Invalid("url", added.Error!);
    }

    /// <summary>Stops polling until resumed.</summary>
    [HttpPost("{id:int}/pause")]
    public async Task<IActionResult> Pause(int id) => await feeds.SetPausedAsync(id, true) ? NoContent() : Missing(id);

    /// <summary>Resumes polling, starting at once.</summary>
    [HttpPost("{id:int}/resume")]
    public async Task<IActionResult> Resume(int id) => await feeds.SetPausedAsync(id, false) ? NoContent() : Missing(id);

    /// <summary>Polls at the next tick.</summary>
    [HttpPost("{id:int}/poll")]
    public async Task<IActionResult> Poll(int id) => await feeds.PollSoonAsync(id) ? NoContent() : Missing(id);

    /// <summary>Stops following a feed; its articles stay.</summary>
    [HttpDelete("{id:int}")]
    public async Task<IActionResult> Remove(int id) => await feeds.RemoveAsync(id) ? NoContent() : Missing(id);

    IActionResult Missing(int id) => Problem(statusCode: 404, title: $"Feed {id} does not exist.");

    IActionResult Invalid(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return ValidationProblem(ModelState);
    }
}

public sealed record NewFeedRequest(string? Url, string? Every, bool FetchFullPage = false);

/// <summary>A feed as the API shows it.</summary>
public sealed record FeedDto(int Id, string Url, string? Title, int IntervalSeconds, bool Paused, bool FetchFullPage,
    DateTime? LastFetchAt, DateTime NextFetchAt, string Status, string? LastError, int ItemCount)
{
    public static FeedDto From(Feed f) => new(f.Id, f.Url, f.Title, f.IntervalSeconds, f.Paused, f.FetchFullPage,
        f.LastFetchAt, f.NextFetchAt, f.Status.ToString().ToLowerInvariant(), f.LastError, f.ItemCount);
}
