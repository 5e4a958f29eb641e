using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace PolicyTracker.Web.Accounts;

/// <summary>First-run set-up: the one-time link printed at start-up creates the first Admin.</summary>
[Route("setup")]
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class SetupController(FirstRunSetup setup, SignInManager<TrackerUser> signIn) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? token) =>
        await setup.IsValidAsync(token)
            ? View("Setup", new SetupForm { Token = token! })
            : View("SetupInvalid");

    [HttpPost(""), EnableRateLimiting(AccountsSetup.SignInLimit)]
    public async Task<IActionResult> Complete(SetupForm form)
    {
        if (!await setup.IsValidAsync(form.Token)) return View("SetupInvalid");
        if (!ModelState.IsValid) return View("Setup", form with { Password = "" });
        var created = await setup.CompleteAsync(form.Token, form.Email, form.Password, form.DisplayName);
        if (!created.Succeeded)
        {
            ModelState.AddModelError("", created.Error!);
            return View("Setup", form with { Password = "" });
        }
        await signIn.SignInAsync(created.Value!, isPersistent: false);
        return LocalRedirect("/");
    }
}
