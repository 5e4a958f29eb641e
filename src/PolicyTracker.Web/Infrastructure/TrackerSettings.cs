namespace PolicyTracker.Web.Infrastructure;

/// <summary>The configuration keys PolicyTracker reads, bound once and checked at start-up.</summary>
public sealed class TrackerSettings
{
    /// <summary>Folder for the SQLite database and the Lucene index, relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    public SecuritySettings Security { get; set; } = new();
    public FetchSettings Fetch { get; set; } = new();
    public DatabaseSettings Database { get; set; } = new();
    public LiveSettings Live { get; set; } = new();
    public Claims.ClaimsSettings Claims { get; set; } = new();
    public SearchSettings Search { get; set; } = new();

    /// <summary>Absolute data folder, resolved against the content root.</summary>
    public string DataPath(string contentRoot) => Path.GetFullPath(DataDirectory, contentRoot);
}

public sealed class SecuritySettings
{
    /// <summary>Lets visitors who are not signed in read articles and search.</summary>
    public bool AllowAnonymousRead { get; set; }

    /// <summary>Sign-in and set-up form posts allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
}

public sealed class FetchSettings
{
    /// <summary>Hosts (<c>host</c> or <c>host:port</c>) that may be fetched even though they resolve to private addresses.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Largest response body read when fetching, in bytes.</summary>
    public long MaxResponseBytes { get; set; } = 5 * 1024 * 1024;
}

public sealed class DatabaseSettings
{
    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Connection string; for SQLite it defaults to a file in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>True when the provider is PostgreSQL (nodes may then be several).</summary>
    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
}

public sealed class LiveSettings
{
    /// <summary>Redis connection string for the SignalR backplane and shared presence; none on a single node.</summary>
    public string? Redis { get; set; }
}

public sealed class SearchSettings
{
    /// <summary>Keeps each searcher's answers until the index next refreshes (off only to measure searches cold).</summary>
    public bool KeepResults { get; set; } = true;
}
