namespace PolicyTracker.Web.Ingestion;

/// <summary>The pipeline's services.</summary>
public static class IngestionSetup
{
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddSingleton<CanonicalHtml>();
        services.AddScoped<ArticleStore>();
        services.AddScoped<ContentImporter>();
        return services;
    }
}
