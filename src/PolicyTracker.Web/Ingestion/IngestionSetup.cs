using PolicyTracker.Web.Feeds;
using PolicyTracker.Web.Ingestion.Fetching;

namespace PolicyTracker.Web.Ingestion;

/// <summary>The pipeline's services: fetching, reading, storing, and feed polling.</summary>
public static class IngestionSetup
{
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddFetching();
        services.AddSingleton<CanonicalHtml>();
        services.AddSingleton<Provenance.ProvenanceEngine>();
        services.AddScoped<Provenance.RuleSeeder>();
        services.AddScoped<Provenance.FlagReview>();
        services.AddScoped<Sources.SourceDirectory>();
        services.AddScoped<Provenance.Reevaluation>();
        services.AddScoped<Provenance.RuleBook>();
        services.AddHostedService<Provenance.Reevaluator>();
        services.AddScoped<ArticleStore>();
        services.AddMemoryCache();
        services.AddSingleton<Articles.ArticleReader>();
        services.AddScoped<UrlIngestion>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<FeedDirectory>();
        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<FeedPoller>();
        return services;
    }
}
