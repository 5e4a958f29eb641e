namespace PolicyTracker.Web.Accounts;

/// <summary>The three cumulative roles: each includes the rights of those before it.</summary>
public static class Roles
{
    public const string Analyst = "Analyst";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    /// <summary>All roles, weakest first.</summary>
    public static readonly string[] All = [Analyst, Editor, Admin];

    /// <summary>The exact spelling of a role name given in any case, or null when it is not a role.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => r.Equals(role?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The roles that hold at least the rights of <paramref name="role"/>.</summary>
    public static string[] AtLeast(string role) => All[Array.IndexOf(All, role)..];
}

/// <summary>Authorization policy names used on controllers and the hub.</summary>
public static class Policies
{
    /// <summary>May read articles and search (everyone signed in; anyone when anonymous read is on).</summary>
    public const string Read = "Read";
    public const string Analyst = "Analyst";
    public const string Editor = "Editor";
    public const string Admin = "Admin";
}
