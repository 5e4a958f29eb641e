using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PolicyTracker.Benchmarks.Servers;

/// <summary>
/// The built PolicyTracker app run as a child process on a loopback port with a data folder of
/// its own, as an operator runs it (Production environment, the repository as content root).
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    readonly Process process;

    AppServer(Process process, Uri address, string dataPath)
    {
        this.process = process;
        Address = address;
        DataPath = dataPath;
    }

    public Uri Address { get; }
    public string DataPath { get; }

    /// <summary>The app process's resident memory now.</summary>
    public long WorkingSetBytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }
    /// <summary>The app's process id (the live scenario reads its memory).</summary>
    public int ProcessId => process.Id;

    /// <summary>The web app's build output next to this program's (same configuration).</summary>
    public static string AppDll => Path.Combine(AppContext.BaseDirectory, "PolicyTracker.Web.dll");

    /// <summary>Runs a CLI verb of the app against <paramref name="dataPath"/>; returns standard output.</summary>
    public static Task<string> RunVerbAsync(string dataPath, string stdin, params string[] args) => RunVerbAsync(dataPath, null, stdin, args);

    /// <summary>Runs a CLI verb with extra settings (environment variables, e.g. <c>Database__Provider</c>).</summary>
    public static async Task<string> RunVerbAsync(string dataPath, IDictionary<string, string>? settings, string stdin, params string[] args)
    {
        using var verb = Start(dataPath, args, settings);
        await verb.StandardInput.WriteLineAsync(stdin);
        verb.StandardInput.Close();
        var output = await verb.StandardOutput.ReadToEndAsync();
        await verb.WaitForExitAsync();
        if (verb.ExitCode != 0) throw new InvalidOperationException($"'{string.Join(' ', args)}' failed: {await verb.StandardError.ReadToEndAsync()}");
        return output;
    }

    /// <summary>Starts the app and waits until /healthz answers with the index caught up.</summary>
    public static async Task<AppServer> StartAsync(string dataPath, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var process = Start(dataPath, ["--urls", address.ToString().TrimEnd('/')], settings);
        var server = new AppServer(process, address, dataPath);
        using var http = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited: {await process.StandardError.ReadToEndAsync()}");
            try
            {
                var health = await http.GetStringAsync("/healthz");
                if (health.Contains("\"eventsBehind\":0", StringComparison.Ordinal)) return server;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(50);
        }
        await server.DisposeAsync();
        throw new TimeoutException("The app did not become healthy within two minutes.");
    }

    static Process Start(string dataPath, IEnumerable<string> args, IDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = BenchmarkPaths.RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DataDirectory"] = dataPath;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) start.Environment[k] = v;
        var process = Process.Start(start)!;
        // Drain output so the child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        return process;
    }

    /// <summary>A free loopback port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
