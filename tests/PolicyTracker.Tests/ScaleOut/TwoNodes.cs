using PolicyTracker.Tests.Support;

namespace PolicyTracker.Tests.ScaleOut;

/// <summary>
/// Two app nodes (A and B) on loopback ports over one throwaway PostgreSQL database, joined by a
/// throwaway Redis, each with its own data folder (so its own Lucene index), plus a loopback site
/// for feeds and webhooks. (NodeKillTests runs a node as its own process, to kill it.)
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    readonly ThrowawayServers servers = new();
    string connectionString = "";

    public TrackerApp A { get; private set; } = null!;
    public TrackerApp B { get; private set; } = null!;
    public LocalSite Site { get; private set; } = null!;

    /// <summary>Why the servers are missing, or null.</summary>
    public string? Missing => servers.Missing;

    /// <summary>The database the nodes share.</summary>
    public string ConnectionString => connectionString;

    /// <summary>Skips (or fails under CI) when PostgreSQL or Redis is not installed.</summary>
    public void Require() => RequiredPrograms.Require(Missing is null, Missing ?? "");

    public async ValueTask InitializeAsync()
    {
        await servers.StartAsync();
        if (Missing is not null) return;
        Site = await LocalSite.StartAsync();
        connectionString = servers.NewDatabase();
        // Both at once, as after a full restart: one creates the database and migrates while the
        // other waits on the lock; one imports the sample content while the other waits on the lease.
        var (a, b) = (Task.Run(() => StartNode(null)), Task.Run(() => StartNode(null)));
        (A, B) = (await a, await b);
    }

    /// <summary>A node over the shared database and Redis, on <paramref name="dataPath"/> (a new folder when null).</summary>
    public TrackerApp StartNode(string? dataPath)
    {
        var settings = NodeSettings(connectionString, servers.Redis);
        settings["Fetch:AllowedHosts:0"] = Site.HostAndPort;
        settings["Webhooks:RetrySeconds"] = "0.25";
        return new(settings!, dataPath) { KeepData = true };
    }

    /// <summary>What every node of a test cluster is given: the shared database and Redis.</summary>
    public static Dictionary<string, string> NodeSettings(string connectionString, string redis) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:ConnectionString"] = connectionString,
        ["Live:Redis"] = redis,
        ["Security:SignInAttemptsPerMinute"] = "1000",
    };

    public async ValueTask DisposeAsync()
    {
        if (Missing is null)
        {
            var folders = new[] { A.DataPath, B.DataPath };
            await B.DisposeAsync();
            await A.DisposeAsync();
            await Site.DisposeAsync();
            foreach (var f in folders.Distinct())
                try { Directory.Delete(f, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        await servers.DisposeAsync();
    }
}
