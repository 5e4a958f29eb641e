namespace PolicyTracker.Web.Data;

/// <summary>A small named fact about this deployment, such as when the first-run import finished.</summary>
public sealed class AppState
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;

    public const string FirstRunImport = "first-run-import";
}
