using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PolicyTracker.Tests.Support;

namespace PolicyTracker.Tests.ScaleOut;

/// <summary>
/// A node run as its own OS process (the built app, as an operator runs it, settings in its
/// environment) on a free loopback port, so a test can kill it outright: no shutdown code runs,
/// no lease is released, the index is left as the kill found it.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    readonly Process process;
    readonly StringBuilder errors = new();

    NodeProcess(Process process, Uri address, string dataPath)
    {
        this.process = process;
        Address = address;
        DataPath = dataPath;
    }

    public Uri Address { get; }

    /// <summary>The node's data folder (its Lucene index); it outlives the process.</summary>
    public string DataPath { get; }

    /// <summary>The operating system's id of the process (node identities start with the host name and it).</summary>
    public int ProcessId => process.Id;

    /// <summary>Starts the app with <paramref name="settings"/> (configuration keys) over <paramref name="dataPath"/> and waits until its index has caught up.</summary>
    public static async Task<NodeProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string dataPath)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "exec", AppProcess.Dll, "--urls", address.ToString().TrimEnd('/') }) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DataDirectory"] = dataPath;
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var node = new NodeProcess(Process.Start(start)!, address, dataPath);
        node.process.OutputDataReceived += (_, _) => { };
        node.process.ErrorDataReceived += (_, e) => { lock (node.errors) node.errors.AppendLine(e.Data); };
        node.process.BeginOutputReadLine();
        node.process.BeginErrorReadLine();
        await node.WaitUntilCaughtUpAsync();
        return node;
    }

    async Task WaitUntilCaughtUpAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The node exited with {process.ExitCode}: {Errors}");
            try
            {
                if ((await http.GetStringAsync("/healthz")).Contains("\"eventsBehind\":0", StringComparison.Ordinal)) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The node did not catch up within two minutes: {Errors}");
    }

    /// <summary>What the node wrote to standard error so far (failure messages).</summary>
    public string Errors
    {
        get { lock (errors) return errors.ToString(); }
    }

    /// <summary>Kills the process and everything it started, as a crash or <c>kill -9</c> would.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }
}
