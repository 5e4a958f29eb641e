using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyTracker.Benchmarks.Servers;

/// <summary>A baseline server run as a child process of this program (a hidden verb), on a free loopback port.</summary>
public static class ChildServer
{
    /// <summary>The bare Kestrel app a child server builds on: loopback <paramref name="port"/>, no logging, the given services.</summary>
    public static WebApplication CreateApp(int port, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Starts this program with <paramref name="verb"/>, its arguments and a free port, and waits until <paramref name="probe"/> answers.</summary>
    public static async Task<(Process Process, Uri Address)> StartAsync(string verb, IEnumerable<string> arguments, string probe = "")
    {
        var port = AppServer.FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(ChildServer).Assembly.Location);
        start.ArgumentList.Add(verb);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start)!;
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"'{verb}' exited: {await process.StandardError.ReadToEndAsync()}");
            try
            {
                await http.GetAsync(new Uri(address, probe));
                return (process, address);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        process.Kill();
        throw new TimeoutException($"'{verb}' did not start.");
    }
}
