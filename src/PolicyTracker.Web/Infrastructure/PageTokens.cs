using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PolicyTracker.Web.Infrastructure;

/// <summary>
/// The antiforgery request token every page carries (for its forms and for page scripts).
/// Making one means decrypting the browser's antiforgery cookie and encrypting a new token, on
/// every page view; yet any token made for the same cookie and the same member validates
/// alike, so one is kept per (cookie, member) for a while and reused.
/// </summary>
public sealed class PageTokens(IAntiforgery antiforgery, TimeProvider clock)
{
    const string CookieName = "pt.af";
    const int MaxEntries = 10_000;
    static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);
    readonly ConcurrentDictionary<(string Cookie, string Member), (string Token, DateTimeOffset Until)> made = new();

    /// <summary>Name of the form field that carries the token.</summary>
    public const string FieldName = "__RequestVerificationToken";

    /// <summary>The request token for this page view, setting the antiforgery cookie when the browser has none.</summary>
    public string RequestToken(HttpContext context)
    {
        // A page rendered once for many readers gets a slot here, filled with each reader's own token.
        if (context.Features.Get<SharedPages.Slots>() is { } shared) return shared.Token;
        var cookie = context.Request.Cookies[CookieName];
        var member = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var now = clock.GetUtcNow();
        if (cookie is not null && made.TryGetValue((cookie, member), out var entry) && entry.Until > now)
        {
            DoNotCache(context.Response);
            return entry.Token;
        }

        var tokens = antiforgery.GetAndStoreTokens(context);
        // A null cookie token means the browser's cookie was valid and kept: the pair can be reused.
        if (cookie is not null && tokens.CookieToken is null && tokens.RequestToken is not null)
        {
            if (made.Count >= MaxEntries) made.Clear();
            made[(cookie, member)] = (tokens.RequestToken, now + KeepFor);
        }
        return tokens.RequestToken!;
    }

    /// <summary>The hidden form field carrying the token.</summary>
    public IHtmlContent Field(HttpContext context) =>
        new HtmlString($"<input name=\"{FieldName}\" type=\"hidden\" value=\"{System.Net.WebUtility.HtmlEncode(RequestToken(context))}\">");

    /// <summary>A page holding a token is private to its reader, as antiforgery itself marks it.</summary>
    static void DoNotCache(HttpResponse response)
    {
        if (response.HasStarted) return;
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers.Pragma = "no-cache";
    }
}
