using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Shared;

namespace PolicyTracker.Web.Accounts;

/// <summary>
/// While nobody has an account, each start issues a one-time link that creates the first
/// Admin. There is no default password: whoever can read the server's console sets it.
/// </summary>
public sealed class FirstRunSetup(TrackerDb db, AccountDirectory accounts)
{
    /// <summary>True when no member exists yet.</summary>
    public Task<bool> IsNeededAsync() => db.Users.AnyAsync().ContinueWith(t => !t.Result);

    /// <summary>Replaces any earlier invitation with a new one and returns its secret, or null when members exist.</summary>
    public async Task<string?> IssueAsync()
    {
        if (!await IsNeededAsync()) return null;
        var secret = TokenText.New("setup_");
        await db.SetupInvitations.ExecuteDeleteAsync();
        db.SetupInvitations.Add(new SetupInvitation { Hash = TokenText.Hash(secret) });
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>Whether the secret is the current, unused invitation while no member exists.</summary>
    public async Task<bool> IsValidAsync(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || !await IsNeededAsync()) return false;
        var hash = TokenText.Hash(secret);
        return await db.SetupInvitations.AnyAsync(i => i.Hash == hash && i.UsedAt == null);
    }

    /// <summary>Creates the first Admin with the invitation, which is spent first so two tabs cannot both use it.</summary>
    public async Task<Result<TrackerUser>> CompleteAsync(string secret, string email, string password, string? displayName)
    {
        const string expired = "This set-up link is no longer valid. Restart the app for a new one.";
        if (!await IsValidAsync(secret)) return Result<TrackerUser>.Fail(expired);
        var hash = TokenText.Hash(secret);
        if (await db.SetupInvitations.Where(i => i.Hash == hash).ExecuteDeleteAsync() == 0) return Result<TrackerUser>.Fail(expired);

        var created = await accounts.CreateUserAsync(email, Roles.Admin, password, displayName);
        if (!created.Succeeded)
        {
            // Nothing was created: give the invitation back so the person can correct the form.
            db.SetupInvitations.Add(new SetupInvitation { Hash = hash });
            await db.SaveChangesAsync();
        }
        return created;
    }
}
