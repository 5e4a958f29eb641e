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
        var app = ChildServer.CreateApp(port);
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
    public static Task<(Process Process, Uri Address)> StartAsync(string file) => ChildServer.StartAsync(Verb, [file]);
}
