namespace PolicyTracker.Web.Entities;

/// <summary>Entities: the gazetteer (seeded from content/), matching at ingest, editors' corrections and background re-evaluation.</summary>
public static class EntitiesSetup
{
    public static IServiceCollection AddEntities(this IServiceCollection services)
    {
        services.AddSingleton<Gazetteer>();
        services.AddScoped<EntitySeeder>();
        services.AddScoped<EntityEditing>();
        services.AddScoped<EntityReevaluation>();
        services.AddHostedService<EntityReevaluator>();
        return services;
    }
}
