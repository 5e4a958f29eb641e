using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Web.Infrastructure;
using PolicyTracker.Web.Ingestion.Fetching;

namespace PolicyTracker.Tests.Ingestion.Fetching;

public sealed class FetchingSetupTests
{
    [Fact]
    public void One_fetcher_is_shared_and_built_from_the_fetch_settings()
    {
        var settings = new TrackerSettings { Fetch = { AllowedHosts = ["intranet.example:8080"] } };
        using var services = new ServiceCollection().AddSingleton(settings).AddFetching().BuildServiceProvider();
        Assert.Same(services.GetRequiredService<SafeFetcher>(), services.GetRequiredService<SafeFetcher>());
    }

    [Fact]
    public void A_malformed_allowed_host_fails_when_the_fetcher_is_built()
    {
        var settings = new TrackerSettings { Fetch = { AllowedHosts = ["host:notaport"] } };
        using var services = new ServiceCollection().AddSingleton(settings).AddFetching().BuildServiceProvider();
        Assert.Throws<ArgumentException>(() => services.GetRequiredService<SafeFetcher>());
    }
}
