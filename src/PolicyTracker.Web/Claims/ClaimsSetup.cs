using PolicyTracker.Web.Infrastructure;

namespace PolicyTracker.Web.Claims;

/// <summary>Registers the claims feature.</summary>
public static class ClaimsSetup
{
    /// <summary>Claim services: the desk that changes claims, queries, ruling checks and the ClaimReview export.</summary>
    public static IServiceCollection AddClaims(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<TrackerSettings>().Claims);
        services.AddScoped<ClaimDesk>();
        services.AddScoped<ClaimQueries>();
        services.AddScoped<ClaimRulingCheck>();
        services.AddScoped<ClaimReviewDocument>();
        services.AddScoped<ClaimExport>();
        return services;
    }
}
