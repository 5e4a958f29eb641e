using System.Globalization;

namespace PolicyTracker.Web.Shared;

/// <summary>How dates and labels read on the pages.</summary>
public static class Display
{
    /// <summary>"14 Mar 2025", or a dash when unknown.</summary>
    public static string Date(DateTime? utc) => utc?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>"14 Mar 2025, 09:30 UTC".</summary>
    public static string DateTime(DateTime? utc) => utc?.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>ISO 8601 for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTime? utc) => utc?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";

    /// <summary>"Credible", "Slightly credible", … for a wire credibility name.</summary>
    public static string Credibility(string wire) => wire switch
    {
        "credible" => "Credible",
        "slightly_credible" => "Slightly credible",
        "not_credible" => "Not credible",
        _ => "Unrated",
    };

    /// <summary>A flag kind as people read it.</summary>
    public static string FlagKind(string kind) => kind switch
    {
        "ai-generated" => "AI-generated",
        "ai-assisted" => "AI-assisted",
        "unverified" => "Unverified",
        "unknown-source" => "Unknown source",
        "low-credibility-source" => "Low-credibility source",
        "anonymous-sourcing" => "Anonymous sourcing",
        "missing-byline" => "No byline",
        "missing-date" => "No date",
        _ => kind,
    };
}
