namespace PolicyTracker.Web.Live;

/// <summary>The hub, presence, and the broadcaster that follows the events table.</summary>
public static class LiveSetup
{
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddSingleton<Presence>();
        services.AddHostedService<EventBroadcaster>();
        return services;
    }

    public static void MapLive(this IEndpointRouteBuilder app) => app.MapHub<TrackerHub>("/hubs/tracker");
}
