namespace PolicyTracker.Web.Accounts;

/// <summary>Claim types PolicyTracker adds to a signed-in member.</summary>
public static class TrackerClaims
{
    public const string DisplayName = "pt:name";
    /// <summary>Present with value "true" when the request came with a read-only token.</summary>
    public const string ReadOnly = "pt:readonly";
}
