using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Shared;

namespace PolicyTracker.Web.Accounts;

/// <summary>The Admin page: members, their roles, disabling and password resets.</summary>
[Route("admin")]
[Authorize(Policy = Policies.Admin)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class AdminController(UserManager<TrackerUser> users, AccountDirectory accounts) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View("Admin", await PageOf(null, null));

    [HttpPost("users")]
    public async Task<IActionResult> Create(NewUserForm form)
    {
        if (!ModelState.IsValid) return View("Admin", await PageOf(null, null));
        var password = TokenText.NewPassword();
        var created = await accounts.CreateUserAsync(form.Email, form.Role, password, form.DisplayName);
        return created.Succeeded
            ? View("Admin", await PageOf($"Created {created.Value!.Email} as {Roles.Normalize(form.Role)}. Their first password, shown once: {password}", null))
            : View("Admin", await PageOf(null, created.Error));
    }

    [HttpPost("users/{id}/role")]
    public Task<IActionResult> SetRole(string id, string role) =>
        Change(id, u => accounts.SetRoleAsync(u, role), u => $"{u.Email} is now {Roles.Normalize(role)}.");

    [HttpPost("users/{id}/disable")]
    public Task<IActionResult> Disable(string id) =>
        Change(id, u => accounts.SetDisabledAsync(u, true), u => $"{u.Email} is disabled.");

    [HttpPost("users/{id}/enable")]
    public Task<IActionResult> Enable(string id) =>
        Change(id, u => accounts.SetDisabledAsync(u, false), u => $"{u.Email} is enabled.");

    [HttpPost("users/{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var reset = await accounts.ResetPasswordAsync(user);
        return View("Admin", reset.Succeeded
            ? await PageOf($"New password for {user.Email}, shown once: {reset.Value}", null)
            : await PageOf(null, reset.Error));
    }

    async Task<IActionResult> Change(string id, Func<TrackerUser, Task<Result<TrackerUser>>> change, Func<TrackerUser, string> done)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var result = await change(user);
        return View("Admin", result.Succeeded ? await PageOf(done(user), null) : await PageOf(null, result.Error));
    }

    async Task<AdminPage> PageOf(string? message, string? error)
    {
        var rows = new List<MemberRow>();
        foreach (var u in await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync())
        {
            var locked = u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
            rows.Add(new MemberRow(u.Id, u.Email!, u.DisplayName, await accounts.RoleOfAsync(u), u.Disabled, locked, u.CreatedAt));
        }
        return new AdminPage(rows, message, error);
    }
}

public sealed record MemberRow(string Id, string Email, string DisplayName, string Role, bool Disabled, bool LockedOut, DateTime CreatedAt);

public sealed record AdminPage(IReadOnlyList<MemberRow> Members, string? Message, string? Error);
