using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Feeds;

/// <summary>The Feeds page: add, pause, resume, poll and remove feeds, with each feed's state.</summary>
[Route("feeds")]
[Authorize(Policy = Policies.Editor)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class FeedsController(FeedDirectory feeds) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View("Feeds", new FeedsPage(await feeds.ListAsync(), null, null));

    [HttpPost("")]
    public async Task<IActionResult> Add(string? url, string? every, bool fetchFullPage = false)
    {
        var interval = FeedDirectory.ParseInterval(every ?? "15m");
        if (interval is null) return await Show(null, $"'{every}' is not an interval; use e.g. 15m, 2h or 1d.");
        var added = await feeds.AddAsync(url ?? "", interval.Value, fetchFullPage);
        return await Show(added.Succeeded ? $"Following {added.Value!.Url}. Its first poll starts now." : null, added.Error);
    }

    [HttpPost("{id:int}/pause")]
    public async Task<IActionResult> Pause(int id) => await feeds.SetPausedAsync(id, true) ? await Show("Paused.", null) : NotFound();

    [HttpPost("{id:int}/resume")]
    public async Task<IActionResult> Resume(int id) => await feeds.SetPausedAsync(id, false) ? await Show("Resumed; polling now.", null) : NotFound();

    [HttpPost("{id:int}/poll")]
    public async Task<IActionResult> Poll(int id) => await feeds.PollSoonAsync(id) ? await Show("Polling now; reload in a moment.", null) : NotFound();

    [HttpPost("{id:int}/remove")]
    public async Task<IActionResult> Remove(int id) => await feeds.RemoveAsync(id) ? await Show("Removed. Its articles stay.", null) : NotFound();

    async Task<IActionResult> Show(string? message, string? error) => View("Feeds", new FeedsPage(await feeds.ListAsync(), message, error));
}

public sealed record FeedsPage(IReadOnlyList<Feed> Feeds, string? Message, string? Error);
