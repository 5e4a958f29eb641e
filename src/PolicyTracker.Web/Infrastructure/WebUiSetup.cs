using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Infrastructure;

/// <summary>MVC with feature-folder views, antiforgery, ProblemDetails and the OpenAPI document.</summary>
public static class WebUiSetup
{
    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        services.AddControllersWithViews(o => o.Filters.Add<CookieAntiforgery>())
            .AddJsonOptions(o => o.JsonSerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never);
        services.Configure<RazorViewEngineOptions>(o => o.ViewLocationExpanders.Add(new FeatureViewLocations()));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "pt.af";
        });
        services.AddSingleton<PageTokens>();
        services.AddSingleton<SharedPages>();
        services.AddSingleton<Articles.ArticlePages>();
        services.AddProblemDetails();
        services.Configure<ApiBehaviorOptions>(o => o.SuppressMapClientErrors = false);
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "PolicyTracker API";
            doc.Info.Description = "Articles, search, annotations and claims. Authenticate with a personal access token: Authorization: Bearer pt_…";
            return Task.CompletedTask;
        }));
        services.AddSignalR();
        return services;
    }

    /// <summary>The request pipeline, in order.</summary>
    public static WebApplication UseWebUi(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
            // Redirect only when this server also listens on HTTPS; behind a TLS proxy the proxy does it.
            if (ListensOnHttps(app.Configuration)) app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseCors(); // only endpoints that name a policy (the annotation protocol) answer cross-origin requests
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseReadOnlyTokens();
        app.UseAuthorization();
        return app;
    }

    static bool ListensOnHttps(IConfiguration config) =>
        config["urls"]?.Contains("https://", StringComparison.OrdinalIgnoreCase) == true
        || !string.IsNullOrEmpty(config["https_port"]) || !string.IsNullOrEmpty(config["HTTPS_PORTS"])
        || config.GetSection("Kestrel:Endpoints").GetChildren().Any(e => e["Url"]?.StartsWith("https", StringComparison.OrdinalIgnoreCase) == true);
}
