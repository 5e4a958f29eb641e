namespace PolicyTracker.Web.Ingestion;

/// <summary>Normalizes article addresses so the same page reached by different links is one article.</summary>
public static class UrlNormalizer
{
    static readonly string[] TrackingPrefixes = ["utm_", "mc_", "pk_", "_hs"];
    static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "ref", "ref_src", "cmpid", "ocid", "sr_share", "smid", "guccounter",
    };

    /// <summary>An absolute http(s) address, or null when <paramref name="url"/> is not one.</summary>
    public static Uri? ParseHttp(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    /// <summary>Lower-case host, no default port, no fragment, no tracking parameters, sorted query, no trailing slash.</summary>
    public static string? Canonical(string? url)
    {
        if (ParseHttp(url) is not { } uri) return null;
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=')[0]))
            .Order(StringComparer.Ordinal);
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "";
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        var q = string.Join('&', query);
        return $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}{port}{path}{(q.Length > 0 ? "?" + q : "")}";
    }

    /// <summary>The host without "www.", the key sources are filed under.</summary>
    public static string? Domain(string? url) =>
        ParseHttp(url)?.Host.ToLowerInvariant() is { } host ? (host.StartsWith("www.") ? host[4..] : host) : null;

    static bool IsTracking(string name) =>
        TrackingNames.Contains(name) || TrackingPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
