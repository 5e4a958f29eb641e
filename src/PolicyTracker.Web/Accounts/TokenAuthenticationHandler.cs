using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Accounts;

/// <summary>
/// Signs a request in from a personal access token: <c>Authorization: Bearer pt_…</c>, or the
/// <c>access_token</c> query parameter on the hub (browsers cannot set headers on WebSockets)
/// and on feed URLs. A token that is malformed, unknown, revoked, or whose owner is disabled fails.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IMemoryCache cache, AccountChanges changes)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string Prefix = "pt_";

    // Scripts call in bursts; a signed-in token is reused for a short while instead of four
    // queries per request. Any access change bumps AccountChanges and retires every entry.
    static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>The token in the request, if it carries one.</summary>
    public static string? Find(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        var query = request.Query["access_token"].ToString();
        return string.IsNullOrEmpty(query) ? null : query;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var text = Find(Request);
        if (text is null) return AuthenticateResult.NoResult();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > 200)
            return AuthenticateResult.Fail("The token is malformed.");

        var hash = TokenText.Hash(text);
        var generation = changes.Generation;
        if (cache.TryGetValue(("token", hash), out (long Generation, ClaimsPrincipal Principal) cached) && cached.Generation == generation)
            return AuthenticateResult.Success(new AuthenticationTicket(cached.Principal, SchemeName));

        // Only a token not seen lately needs the database and Identity (a UserManager is costly to build).
        var db = Context.RequestServices.GetRequiredService<TrackerDb>();
        var token = await db.AccessTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token?.User is null || token.RevokedAt is not null) return AuthenticateResult.Fail("The token is unknown or revoked.");
        if (token.User.Disabled) return AuthenticateResult.Fail("The token's owner is disabled.");

        // Record use at most once a minute per token, so busy scripts don't write on every call.
        if (token.LastUsedAt is null || token.LastUsedAt < DateTime.UtcNow.AddMinutes(-1))
        {
            await db.AccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, DateTime.UtcNow), Context.RequestAborted);
        }

        var principal = await Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<TrackerUser>>().CreateAsync(token.User);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        if (token.ReadOnly) identity.AddClaim(new Claim(TrackerClaims.ReadOnly, "true"));
        var signedIn = new ClaimsPrincipal(identity);
        cache.Set(("token", hash), (generation, signedIn), CacheFor);
        return AuthenticateResult.Success(new AuthenticationTicket(signedIn, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
