namespace PolicyTracker.Tests.Support;

/// <summary>A local web site and an app allowed to fetch from it (and only from it).</summary>
public class SiteAndApp : IAsyncLifetime
{
    public LocalSite Site { get; private set; } = null!;
    public TrackerApp App { get; private set; } = null!;

    /// <summary>Settings a derived fixture adds to the app's.</summary>
    protected virtual IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        Site = await LocalSite.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Fetch:AllowedHosts:0"] = Site.HostAndPort,
            ["Security:SignInAttemptsPerMinute"] = "1000",
        };
        foreach (var (key, value) in MoreSettings) settings[key] = value;
        App = new TrackerApp(settings);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Site.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
