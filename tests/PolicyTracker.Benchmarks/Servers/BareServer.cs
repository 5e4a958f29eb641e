using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyTracker.Benchmarks.Servers;

/// <summary>
/// The baseline server: a bare Kestrel endpoint writing fixed bytes, run as its own process
/// (this program with the hidden verb <c>bare-server</c>) so it gets the same footing as the app.
/// </summary>
public static class BareServer
{
    public const string Verb = "bare-server";

    /// <summary>Serves the file's bytes as text/html at every path until killed.</summary>
    public static async Task<int> RunAsync(string file, int port)
    {
        var body = await File.ReadAllBytesAsync(file);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>Starts the baseline process serving <paramref name="file"/>.</summary>
    public static async Task<(Process Process, Uri Address)> StartAsync(string file)
    {
        var port = AppServer.FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(BareServer).Assembly.Location);
        start.ArgumentList.Add(Verb);
        start.ArgumentList.Add(file);
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start)!;
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                await http.GetAsync(address);
                return (process, address);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        process.Kill();
        throw new TimeoutException("The bare server did not start.");
    }
}
