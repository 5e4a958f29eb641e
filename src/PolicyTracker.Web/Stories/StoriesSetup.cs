namespace PolicyTracker.Web.Stories;

/// <summary>Story clusters: the in-memory LSH tables, placement at ingest, and editors' corrections.</summary>
public static class StoriesSetup
{
    public static IServiceCollection AddStories(this IServiceCollection services)
    {
        services.AddSingleton<StoryIndex>();
        services.AddScoped<StoryClustering>();
        services.AddScoped<StoryEditing>();
        return services;
    }
}
