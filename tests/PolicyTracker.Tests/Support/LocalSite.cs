using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyTracker.Tests.Support;

/// <summary>
/// A small web site on a loopback port serving pages and feeds written for the tests; each
/// path answers what the test put there, and every request is counted.
/// </summary>
public sealed class LocalSite : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentDictionary<string, Func<HttpContext, Task>> routes = new();

    LocalSite(WebApplication app) => this.app = app;

    /// <summary>Requests seen, per path.</summary>
    public ConcurrentDictionary<string, int> Hits { get; } = new();

    public Uri Address { get; private set; } = null!;

    /// <summary>"127.0.0.1:port", the entry to put in Fetch:AllowedHosts.</summary>
    public string HostAndPort => $"{Address.Host}:{Address.Port}";

    public static async Task<LocalSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var site = new LocalSite(builder.Build());
        site.app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            site.Hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (site.routes.TryGetValue(path, out var handler)) await handler(context);
            else context.Response.StatusCode = 404;
        });
        await site.app.StartAsync();
        site.Address = new Uri(site.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return site;
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> with the content type.</summary>
    public LocalSite Serve(string path, string body, string contentType = "text/html; charset=utf-8", Action<HttpResponse>? headers = null)
    {
        routes[path] = async context =>
        {
            headers?.Invoke(context.Response);
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        };
        return this;
    }

    /// <summary>Serves whatever the handler writes.</summary>
    public LocalSite Handle(string path, Func<HttpContext, Task> handler)
    {
        routes[path] = handler;
        return this;
    }

    public Uri Url(string path) => new(Address, path.TrimStart('/'));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
