namespace PolicyTracker.Web.Claims;

/// <summary>The <c>Claims</c> section of the configuration.</summary>
public sealed class ClaimsSettings
{
    /// <summary>Two-person rule: a verified or false ruling waits for a second Editor's sign-off.</summary>
    public bool RequireSecondEditor { get; set; }

    /// <summary>The author named in exported ClaimReview documents.</summary>
    public string PublisherName { get; set; } = "PolicyTracker";
}
