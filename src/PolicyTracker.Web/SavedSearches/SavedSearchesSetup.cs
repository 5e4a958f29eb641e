using PolicyTracker.Web.Infrastructure;
using PolicyTracker.Web.SavedSearches.Matching;
using PolicyTracker.Web.SavedSearches.Webhooks;

namespace PolicyTracker.Web.SavedSearches;

/// <summary>Saved searches: the service, the matcher that follows the events, and the webhook sender.</summary>
public static class SavedSearchesSetup
{
    public static IServiceCollection AddSavedSearches(this IServiceCollection services)
    {
        services.AddScoped<SavedSearchService>();
        services.AddSingleton(sp => new WebhookClient(sp.GetRequiredService<TrackerSettings>().Fetch));
        services.AddSingleton<SavedSearchFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<SavedSearchFollower>());
        services.AddHostedService<WebhookSender>();
        return services;
    }
}
