namespace PolicyTracker.Web.Accounts;

/// <summary>The one-time first-run link that creates the first Admin; only its hash is stored.</summary>
public sealed class SetupInvitation
{
    public int Id { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? UsedAt { get; set; }
}
