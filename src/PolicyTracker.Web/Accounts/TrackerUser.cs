using Microsoft.AspNetCore.Identity;

namespace PolicyTracker.Web.Accounts;

/// <summary>A member of the team; the role is one of <see cref="Roles"/>.</summary>
public sealed class TrackerUser : IdentityUser
{
    /// <summary>Name shown to other members (presence, annotations); defaults to the e-mail's local part.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled member cannot sign in and their tokens stop working.</summary>
    public bool Disabled { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
