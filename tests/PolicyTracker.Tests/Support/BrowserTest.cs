namespace PolicyTracker.Tests.Support;

/// <summary>A test class that drives Chromium: one browser per class, started before its tests and closed after.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    protected BrowserSession Session { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Session = await BrowserSession.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (Session is not null) await Session.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
