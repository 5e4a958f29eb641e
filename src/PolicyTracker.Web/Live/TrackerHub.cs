using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Live;

/// <summary>
/// The live channel. Changes go through HTTP; this hub only lets clients join and leave
/// article groups, see who else is there, and catch up on the numbered events they missed.
/// Events are sent by name (<c>articleIngested</c>, …) by <see cref="EventBroadcaster"/>.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class TrackerHub(TrackerDb db, Presence presence) : Hub
{
    /// <summary>Largest page <see cref="CatchUp"/> returns.</summary>
    public const int CatchUpPageSize = 500;

    /// <summary>Group of everyone signed in (new articles go there).</summary>
    public const string MembersGroup = "members";

    public static string ArticleGroup(int articleId) => $"article:{articleId}";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, MembersGroup);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var articleId in await presence.DropAsync(Context.ConnectionId))
            await SendPresence(articleId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Joins an article's group; answers who is viewing it and the last event number.</summary>
    public async Task<JoinResult> JoinArticle(int articleId)
    {
        if (!await db.Articles.AnyAsync(a => a.Id == articleId))
            throw new HubException($"Article {articleId} does not exist.");
        await Groups.AddToGroupAsync(Context.ConnectionId, ArticleGroup(articleId));
        await presence.JoinAsync(Context.ConnectionId, articleId, ViewerName());
        var last = await SendPresence(articleId);
        return new JoinResult(articleId, await presence.ViewersAsync(articleId), last);
    }

    /// <summary>Leaves an article's group.</summary>
    public async Task LeaveArticle(int articleId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ArticleGroup(articleId));
        await presence.LeaveAsync(Context.ConnectionId, articleId);
        await SendPresence(articleId);
    }

    /// <summary>The newest event number, where a fresh client starts following.</summary>
    public Task<long> LastEventNumber() => LastNumber();

    /// <summary>Every event after <paramref name="afterEvent"/> that the caller may see, in order, a page at a time.</summary>
    public async Task<CatchUpPage> CatchUp(long afterEvent)
    {
        var userId = Context.UserIdentifier;
        var page = await db.Events.AsNoTracking()
            .Where(e => e.Id > afterEvent && (e.VisibleToUserId == null || e.VisibleToUserId == userId))
            .OrderBy(e => e.Id)
            .Take(CatchUpPageSize + 1)
            .ToListAsync();
        var events = page.Take(CatchUpPageSize).Select(EventMessage.From).ToList();
        return new CatchUpPage(events, page.Count > CatchUpPageSize, events.Count > 0 ? events[^1].Number : afterEvent);
    }

    async Task<long> SendPresence(int articleId)
    {
        var last = await LastNumber();
        await Clients.Group(ArticleGroup(articleId))
            .SendAsync("presenceChanged", new PresenceMessage(articleId, await presence.ViewersAsync(articleId), last));
        return last;
    }

    Task<long> LastNumber() => db.Events.MaxAsync(e => (long?)e.Id).ContinueWith(t => t.Result ?? 0);

    string ViewerName() =>
        Context.User?.FindFirstValue(TrackerClaims.DisplayName) ?? Context.User?.Identity?.Name ?? "Guest";
}
