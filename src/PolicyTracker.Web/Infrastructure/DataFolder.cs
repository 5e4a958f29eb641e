namespace PolicyTracker.Web.Infrastructure;

/// <summary>The resolved data folder: the SQLite file and the index live here.</summary>
public sealed record DataFolder(string Path)
{
    public string IndexPath => System.IO.Path.Combine(Path, "index");
    public string DatabasePath => System.IO.Path.Combine(Path, "policytracker.db");
}
