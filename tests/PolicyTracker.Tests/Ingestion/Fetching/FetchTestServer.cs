using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyTracker.Web.Infrastructure;
using PolicyTracker.Web.Ingestion.Fetching;

namespace PolicyTracker.Tests.Ingestion.Fetching;

/// <summary>
/// A Kestrel server on 127.0.0.1 and an ephemeral port serving the pages the fetcher meets in the wild.
/// It counts requests to /landing/{name} so tests can prove a refused hop never arrived.
/// </summary>
public sealed class FetchTestServer : IAsyncLifetime
{
    WebApplication? app;
    readonly ConcurrentDictionary<string, int> landings = new();

    /// <summary>The port Kestrel picked.</summary>
    public int Port { get; private set; }

    /// <summary>An address on this server, by the allowed literal 127.0.0.1.</summary>
    public Uri Url(string pathAndQuery) => new($"http://127.0.0.1:{Port}{pathAndQuery}");

    /// <summary>Requests that reached /landing/{name}.</summary>
    public int Landings(string name) => landings.GetValueOrDefault(name);

    internal void Landed(string name) => landings.AddOrUpdate(name, 1, (_, n) => n + 1);

    /// <summary>A fetcher allowed to reach only this server (127.0.0.1 on its port) unless told otherwise.</summary>
    internal SafeFetcher Fetcher(long maxBytes = 256 * 1024, TimeSpan? requestTimeout = null, HostResolver? resolver = null,
        TimeProvider? time = null, string[]? allowed = null) =>
        new(new FetchSettings { AllowedHosts = [.. allowed ?? [$"127.0.0.1:{Port}"]], MaxResponseBytes = maxBytes },
            time, connectTimeout: null, requestTimeout, resolver);

    public async ValueTask InitializeAsync()
    {
        // Loopback only: nothing in these tests may leave the machine.
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        app = builder.Build();
        FetchRoutes.Map(app, this);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is null) return;
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
