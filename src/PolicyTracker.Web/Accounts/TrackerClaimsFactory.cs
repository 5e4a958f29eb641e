using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PolicyTracker.Web.Accounts;

/// <summary>Adds the display name to the member's claims (roles and security stamp come from Identity).</summary>
public sealed class TrackerClaimsFactory(
    UserManager<TrackerUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TrackerUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TrackerUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(TrackerClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
