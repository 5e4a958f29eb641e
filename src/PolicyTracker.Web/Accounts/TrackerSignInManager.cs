using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PolicyTracker.Web.Accounts;

/// <summary>Identity's sign-in manager, refusing members an Admin has disabled.</summary>
public sealed class TrackerSignInManager(
    UserManager<TrackerUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<TrackerUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<TrackerUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<TrackerUser> confirmation)
    : SignInManager<TrackerUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(TrackerUser user) =>
        !user.Disabled && await base.CanSignInAsync(user);
}
