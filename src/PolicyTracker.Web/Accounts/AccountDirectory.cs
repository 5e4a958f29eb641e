using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Shared;

namespace PolicyTracker.Web.Accounts;

/// <summary>Members, their roles and their tokens: the one place the pages, the API and the CLI change them.</summary>
public sealed class AccountDirectory(UserManager<TrackerUser> users, TrackerDb db, AccountChanges changes)
{
    /// <summary>Creates a member with one role; errors come back as readable sentences.</summary>
    public async Task<Result<TrackerUser>> CreateUserAsync(string email, string role, string password, string? displayName = null)
    {
        var normalizedRole = Roles.Normalize(role);
        if (normalizedRole is null) return Result<TrackerUser>.Fail($"'{role}' is not a role; use {string.Join(", ", Roles.All)}.");
        email = email.Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _)) return Result<TrackerUser>.Fail($"'{email}' is not an e-mail address.");

        var user = new TrackerUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim(),
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return Result<TrackerUser>.Fail(Describe(created));
        var added = await users.AddToRoleAsync(user, normalizedRole);
        if (!added.Succeeded) return Result<TrackerUser>.Fail(Describe(added));
        await tx.CommitAsync();
        return Result<TrackerUser>.Ok(user);
    }

    /// <summary>The member's single role (the strongest if several were ever given).</summary>
    public async Task<string> RoleOfAsync(TrackerUser user)
    {
        var held = await users.GetRolesAsync(user);
        return Roles.All.LastOrDefault(held.Contains) ?? Roles.Analyst;
    }

    /// <summary>Replaces the member's role; signs them out everywhere so it takes effect.</summary>
    public async Task<Result<TrackerUser>> SetRoleAsync(TrackerUser user, string role)
    {
        var normalizedRole = Roles.Normalize(role);
        if (normalizedRole is null) return Result<TrackerUser>.Fail($"'{role}' is not a role; use {string.Join(", ", Roles.All)}.");
        if (normalizedRole != Roles.Admin && await IsLastActiveAdminAsync(user))
            return Result<TrackerUser>.Fail("This is the last active Admin; make someone else Admin first.");
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, normalizedRole);
        await users.UpdateSecurityStampAsync(user);
        changes.Bump();
        return Result<TrackerUser>.Ok(user);
    }

    /// <summary>Disables or re-enables a member; a disabled member's cookies and tokens stop working.</summary>
    public async Task<Result<TrackerUser>> SetDisabledAsync(TrackerUser user, bool disabled)
    {
        if (disabled && await IsLastActiveAdminAsync(user))
            return Result<TrackerUser>.Fail("This is the last active Admin and cannot be disabled.");
        user.Disabled = disabled;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        changes.Bump();
        return Result<TrackerUser>.Ok(user);
    }

    /// <summary>Sets a new random password, returned once so the Admin can hand it over.</summary>
    public async Task<Result<string>> ResetPasswordAsync(TrackerUser user)
    {
        var password = TokenText.NewPassword();
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!reset.Succeeded) return Result<string>.Fail(Describe(reset));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Result<string>.Ok(password);
    }

    /// <summary>Creates a personal access token; the secret is returned once and only its hash is kept.</summary>
    public async Task<(AccessToken Token, string Secret)> CreateTokenAsync(TrackerUser user, string? name, bool readOnly)
    {
        var secret = TokenText.New(TokenAuthenticationHandler.Prefix);
        var token = new AccessToken
        {
            UserId = user.Id,
            Name = string.IsNullOrWhiteSpace(name) ? $"Token {DateTime.UtcNow:yyyy-MM-dd HH:mm}" : name.Trim()[..Math.Min(name.Trim().Length, 100)],
            Hash = TokenText.Hash(secret),
            Prefix = secret[..10],
            ReadOnly = readOnly,
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync();
        return (token, secret);
    }

    /// <summary>Revokes one of the member's tokens; false when it is not theirs or does not exist.</summary>
    public async Task<bool> RevokeTokenAsync(string userId, int tokenId)
    {
        var revoked = await db.AccessTokens.Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTime.UtcNow)) > 0;
        changes.Bump();
        return revoked;
    }

    /// <summary>The member's tokens, newest first, revoked ones included.</summary>
    public Task<List<AccessToken>> TokensOfAsync(string userId) =>
        db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync();

    async Task<bool> IsLastActiveAdminAsync(TrackerUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Any(a => a.Id == user.Id) && admins.Count(a => !a.Disabled) <= 1;
    }

    static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
