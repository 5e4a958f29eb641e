using Microsoft.AspNetCore.Cors.Infrastructure;

namespace PolicyTracker.Web.Annotations;

/// <summary>
/// Cross-origin access to the Web Annotation Protocol endpoints (<c>/annotations/...</c>), so an
/// annotation client on another origin (the W3C protocol test page, for one) may call them with a
/// member's credentials. Only the origins listed in <c>Annotations:Cors:Origins</c> may; the list
/// is empty by default, which sends no CORS headers at all. Anonymous access stays refused.
/// </summary>
public static class AnnotationCors
{
    /// <summary>The CORS policy name the annotation controllers carry.</summary>
    public const string Policy = "Annotations";
    /// <summary>The configuration key of the allowed origins.</summary>
    public const string OriginsKey = "Annotations:Cors:Origins";

    static readonly string[] Methods = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE"];
    static readonly string[] RequestHeaders = ["Content-Type", "Prefer", "If-Match", "Authorization"];
    static readonly string[] ExposedHeaders = ["ETag", "Allow", "Vary", "Link", "Content-Type", "Location", "Content-Location", "Prefer"];

    /// <summary>Registers the policy, built from the configured origins.</summary>
    public static IServiceCollection AddAnnotationCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IConfiguration>((options, configuration) =>
            options.AddPolicy(Policy, policy => policy
                .WithOrigins([.. Origins(configuration)])
                .WithMethods(Methods)
                .WithHeaders(RequestHeaders)
                .WithExposedHeaders(ExposedHeaders)
                // Requests carry the member's cookie or token; that is why "*" is never allowed.
                .AllowCredentials()));
        return services;
    }

    /// <summary>The configured origins, normalized (<c>https://host[:port]</c>); throws <see cref="ArgumentException"/> on an entry that is not one.</summary>
    public static IReadOnlyList<string> Origins(IConfiguration configuration) =>
        Parse(configuration.GetSection(OriginsKey).Get<string[]>() ?? []);

    /// <summary>Each entry as an origin: scheme http or https, a host and an optional port, nothing else.</summary>
    public static IReadOnlyList<string> Parse(IEnumerable<string> entries) =>
        [.. entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Select(entry =>
            Uri.TryCreate(entry, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
                && !entry.TrimEnd('/').EndsWith('/')
                ? uri.GetLeftPart(UriPartial.Authority)
                : throw new ArgumentException($"'{entry}' is not an origin such as https://annotator.example.org (scheme, host and optional port; no path, no '*')."))];
}
