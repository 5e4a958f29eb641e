using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PolicyTracker.Tests.ScaleOut;

/// <summary>
/// A throwaway PostgreSQL cluster and Redis server on loopback ports, started for a test class
/// and removed afterwards. PostgreSQL refuses to run as root, so initdb and pg_ctl run as the
/// <c>postgres</c> user (through runuser) in a temporary folder it owns, with its own socket folder.
/// Redis runs with persistence off. Each test asks for a fresh database name. The benchmarks
/// compile this file too, so it depends on nothing from the test framework.
/// </summary>
public class ThrowawayServers : IAsyncDisposable
{
    string? folder;
    Process? redisProcess;

    /// <summary>Why the servers could not start (a program is missing), or null when they run.</summary>
    public string? Missing { get; private set; }

    public int PostgresPort { get; private set; }
    public int RedisPort { get; private set; }

    /// <summary>The redis-server process while it runs (the benchmark reads its CPU time).</summary>
    public int? RedisProcessId => redisProcess is { HasExited: false } ? redisProcess.Id : null;

    /// <summary>The PostgreSQL server's main process (the benchmark reads its and its backends' CPU time).</summary>
    public int? PostgresProcessId => folder is not null && File.Exists(Path.Combine(folder, "data", "postmaster.pid"))
        ? int.Parse(File.ReadLines(Path.Combine(folder, "data", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture)
        : null;

    /// <summary>The Redis connection string for <c>Live:Redis</c>.</summary>
    public string Redis => $"127.0.0.1:{RedisPort}";

    /// <summary>A connection string for a database that does not exist yet (the app creates it).</summary>
    public string NewDatabase() => Database($"tracker_{Guid.NewGuid():N}");

    /// <summary>A connection string for the named database.</summary>
    public string Database(string name) =>
        $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Database={name};Pooling=true;Include Error Detail=true";

    /// <summary>The PostgreSQL server programs (initdb, pg_ctl), or null when not installed.</summary>
    public static string? PostgresBin => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "pg_ctl"))).OrderDescending().FirstOrDefault()
        : null;

    static string? RedisServer => new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    /// <summary>Starts both servers, or sets <see cref="Missing"/> when a program is not installed.</summary>
    public ValueTask StartAsync() => StartAsync(redis: true);

    /// <summary>Starts PostgreSQL, and Redis unless <paramref name="redis"/> is false (its port is chosen anyway; see <see cref="StartRedisAsync"/>).</summary>
    public async ValueTask StartAsync(bool redis)
    {
        var bin = PostgresBin;
        var redisServer = RedisServer;
        if (bin is null || redisServer is null)
        {
            Missing = $"{(bin is null ? "PostgreSQL" : "Redis")} is not installed (install both with: apt-get install postgresql redis-server).";
            return;
        }

        folder = Path.Combine(Path.GetTempPath(), $"policytracker-servers-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "socket"));
        await RunAsync("chown", "-R", "postgres:postgres", folder);
        await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(bin, "initdb"), "-D", Path.Combine(folder, "data"),
            "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C");
        PostgresPort = FreePort();
        await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(folder, "data"),
            "-l", Path.Combine(folder, "postgres.log"), "-w", "-t", "60", "start",
            "-o", $"-p {PostgresPort} -k {Path.Combine(folder, "socket")} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");

        RedisPort = FreePort();
        if (redis) await StartRedisAsync();
    }

    /// <summary>Starts redis-server on <see cref="RedisPort"/> (e.g. after the nodes, to show they connect late).</summary>
    public async Task StartRedisAsync()
    {
        if (redisProcess is { HasExited: false }) return;
        redisProcess = Process.Start(new ProcessStartInfo(RedisServer!)
        {
            ArgumentList = { "--port", RedisPort.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        redisProcess.OutputDataReceived += (_, _) => { };
        redisProcess.BeginOutputReadLine();
        await WaitForPortAsync(RedisPort);
    }

    public async ValueTask DisposeAsync()
    {
        if (redisProcess is { HasExited: false })
        {
            redisProcess.Kill(entireProcessTree: true);
            await redisProcess.WaitForExitAsync();
        }
        redisProcess?.Dispose();
        if (folder is null) return;
        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(PostgresBin!, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        GC.SuppressFinalize(this);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static async Task WaitForPortAsync(int port)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }
    }

    static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await errors}");
    }
}
