namespace PolicyTracker.Tests.Support;

/// <summary>A local web site and an app allowed to fetch from it (and only from it).</summary>
public sealed class SiteAndApp : IAsyncLifetime
{
    public LocalSite Site { get; private set; } = null!;
    public TrackerApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Site = await LocalSite.StartAsync();
        App = new TrackerApp(new()
        {
            ["Fetch:AllowedHosts:0"] = Site.HostAndPort,
            ["Security:SignInAttemptsPerMinute"] = "1000",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Site.DisposeAsync();
    }
}
