using PolicyTracker.Web.Infrastructure;

namespace PolicyTracker.Web.Ingestion.Fetching;

/// <summary>Registers the fetcher.</summary>
public static class FetchingSetup
{
    /// <summary>One <see cref="SafeFetcher"/> for the app, built from <c>TrackerSettings.Fetch</c>; it owns its connection pool.</summary>
    public static IServiceCollection AddFetching(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SafeFetcher(sp.GetRequiredService<TrackerSettings>().Fetch, sp.GetService<TimeProvider>()));
        return services;
    }
}
