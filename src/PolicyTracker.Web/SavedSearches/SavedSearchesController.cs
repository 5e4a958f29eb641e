using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.SavedSearches;

/// <summary>The Saved searches pages: the list with its form, one page per saved search, and the daily digest.</summary>
[Route("saved-searches")]
[Authorize(Policy = Policies.Analyst)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class SavedSearchesController(SavedSearchService service) : Controller
{
    const int PageSize = 50;
    string Owner => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => await ListView(null, null, ct);

    /// <summary>Saves a search (from the Search page or the list); errors come back on the list page with the form filled in.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Create([FromForm] SavedSearchInput input, CancellationToken ct)
    {
        var errors = await service.ValidateAsync(input, ct);
        if (errors.Count == 0 && await service.AtLimitAsync(Owner, ct)) errors["name"] = $"You already have {SavedSearchRules.MaxPerMember} saved searches; delete one first.";
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ListView(input, errors, ct);
        }
        var created = await service.CreateAsync(Owner, input, ct);
        TempData["Message"] = $"Saved “{created.Name}”. New matching articles will appear here and as notifications.";
        return Redirect($"/saved-searches/{created.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, int page = 1, CancellationToken ct = default)
    {
        if (await service.GetAsync(Owner, id, ct) is not { } search) return NotFound();
        page = Math.Clamp(page, 1, 10_000);
        var matches = (await service.MatchesAsync(Owner, id, page, PageSize, false, ct))!;
        // Opening the page is seeing the matches: unseen ones are marked once shown, and stay highlighted on this view.
        if (matches.Items.Any(m => !m.Seen)) await service.MarkSeenAsync(Owner, id, matches.Items.Max(m => m.Id), ct);
        var deliveries = search.WebhookUrl is null ? [] : (await service.DeliveriesAsync(Owner, id, 10, ct))!;
        return View("Show", new SavedSearchPage(search, matches, deliveries, TempData["Message"] as string, TempData["FeedUrl"] as string));
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        if (!await service.DeleteAsync(Owner, id, ct)) return NotFound();
        return await ListView(null, null, ct, "Deleted the saved search and its matches.");
    }

    [HttpPost("{id:int}/seen")]
    public async Task<IActionResult> Seen(int id, CancellationToken ct) =>
        await service.MarkSeenAsync(Owner, id, null, ct) is null ? NotFound() : Redirect($"/saved-searches/{id}");

    /// <summary>Makes a read-only token for following the feed and shows the feed address with it, once.</summary>
    [HttpPost("{id:int}/feed-token")]
    public async Task<IActionResult> FeedToken(int id, [FromServices] AccountDirectory accounts, [FromServices] UserManager<TrackerUser> members, CancellationToken ct)
    {
        if (await service.GetAsync(Owner, id, ct) is not { } search) return NotFound();
        var user = await members.GetUserAsync(User);
        if (user is null) return Forbid();
        var (_, secret) = await accounts.CreateTokenAsync(user, $"Feed: {search.Name}", readOnly: true);
        TempData["FeedUrl"] = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/api/saved-searches/{id}/feed?access_token={Uri.EscapeDataString(secret)}";
        return Redirect($"/saved-searches/{id}#feed");
    }

    [HttpGet("digest")]
    public async Task<IActionResult> Digest(string? date, CancellationToken ct)
    {
        if (!TryDay(date, out var day)) return BadRequest();
        return View("Digest", await service.DigestAsync(Owner, day, ct));
    }

    /// <summary>A day written as 2026-01-31, or today (UTC) when none is given.</summary>
    public static bool TryDay(string? text, out DateOnly day)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            day = DateOnly.FromDateTime(DateTime.UtcNow);
            return true;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    async Task<IActionResult> ListView(SavedSearchInput? input, Dictionary<string, string>? errors, CancellationToken ct, string? message = null) =>
        View("Index", new SavedSearchesPage(await service.ListAsync(Owner, 1, 200, ct), input, errors ?? [], message ?? TempData["Message"] as string));
}

/// <summary>The list page: saved searches, the form (refilled after an error) and a message.</summary>
public sealed record SavedSearchesPage(Articles.Paged<SavedSearchDto> Searches, SavedSearchInput? Input, Dictionary<string, string> Errors, string? Message);

/// <summary>One saved search's page.</summary>
public sealed record SavedSearchPage(SavedSearchDto Search, Articles.Paged<MatchDto> Matches, IReadOnlyList<DeliveryDto> Deliveries, string? Message, string? FeedUrl);

/// <summary>What the Search page's "Save this search" form needs.</summary>
public sealed record SaveSearchForm(string? Query, string? Source, string? Flag);
