using PolicyTracker.Web.Infrastructure;

namespace PolicyTracker.Web.Search;

/// <summary>The index owner and its follower; only the serving process resolves them.</summary>
public static class SearchSetup
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SearchIndex(sp.GetRequiredService<DataFolder>().IndexPath));
        services.AddSingleton<IndexFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexFollower>());
        services.AddScoped<SearchService>();
        return services;
    }
}
