namespace PolicyTracker.Tests.ScaleOut;

/// <summary>The servers as an xunit class fixture.</summary>
public sealed class PostgresAndRedis : ThrowawayServers, IAsyncLifetime
{
    public ValueTask InitializeAsync() => StartAsync();
}
