using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace PolicyTracker.Web.Accounts;

/// <summary>Sign-in and sign-out, and each member's own page: password and access tokens.</summary>
[Route("account")]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class AccountController(
    SignInManager<TrackerUser> signIn, UserManager<TrackerUser> users, AccountDirectory accounts) : Controller
{
    /// <summary>The one message for every failed sign-in, so it tells nobody which e-mails exist.</summary>
    public const string SignInFailed = "Sign-in failed: the e-mail or password is wrong, or the account is locked for a while after repeated failures.";

    [HttpGet("signin"), AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("signin"), AllowAnonymous, EnableRateLimiting(AccountsSetup.SignInLimit)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid) return View(form);
        var user = await users.FindByEmailAsync(form.Email.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", SignInFailed);
            return View(form with { Password = "" });
        }
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/");
    }

    [HttpPost("signout")]
    public async Task<IActionResult> SignOutNow()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/account/signin");
    }

    [HttpGet("denied"), AllowAnonymous]
    public IActionResult Denied() => View();

    [HttpGet("")]
    public async Task<IActionResult> Profile() => View(await ProfileOf(null));

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(PasswordForm form)
    {
        var user = await Me();
        if (!ModelState.IsValid) return View("Profile", await ProfileOf(null));
        var changed = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!changed.Succeeded)
        {
            foreach (var e in changed.Errors) ModelState.AddModelError("", e.Description);
            return View("Profile", await ProfileOf(null));
        }
        await signIn.RefreshSignInAsync(user);
        return View("Profile", await ProfileOf(null) with { Message = "Password changed." });
    }

    [HttpPost("tokens")]
    public async Task<IActionResult> CreateToken(TokenForm form)
    {
        var (token, secret) = await accounts.CreateTokenAsync(await Me(), form.Name, form.ReadOnly);
        return View("Profile", await ProfileOf(new NewToken(token.Name, secret)));
    }

    [HttpPost("tokens/{id:int}/revoke")]
    public async Task<IActionResult> RevokeToken(int id)
    {
        var revoked = await accounts.RevokeTokenAsync(users.GetUserId(User)!, id);
        return View("Profile", await ProfileOf(null) with { Message = revoked ? "Token revoked." : "That token was already revoked." });
    }

    async Task<TrackerUser> Me() => await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in member not found.");

    async Task<ProfilePage> ProfileOf(NewToken? created)
    {
        var me = await Me();
        return new ProfilePage(me.Email!, me.DisplayName, await accounts.RoleOfAsync(me),
            await accounts.TokensOfAsync(me.Id), created, null);
    }
}
