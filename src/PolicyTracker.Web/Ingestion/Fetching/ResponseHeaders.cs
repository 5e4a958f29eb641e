using System.Globalization;

namespace PolicyTracker.Web.Ingestion.Fetching;

/// <summary>Reads the response headers a snapshot keeps, and <c>Retry-After</c>.</summary>
internal static class ResponseHeaders
{
    /// <summary>The header names kept in <see cref="FetchedResponse.Headers"/>.</summary>
    public static readonly string[] Kept =
    [
        "content-type", "content-language", "last-modified", "etag", "date",
        "ai-disclosure", "x-robots-tag", "link", "content-location",
    ];

    /// <summary>The kept headers present on <paramref name="response"/>, as sent (no re-formatting).</summary>
    public static Dictionary<string, string> Pick(HttpResponseMessage response)
    {
        var picked = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Kept)
        {
            // NonValidated: a malformed header is still worth keeping, and must not throw.
            var values = new List<string>();
            if (response.Headers.NonValidated.TryGetValues(name, out var fromResponse)) values.AddRange(fromResponse);
            if (response.Content.Headers.NonValidated.TryGetValues(name, out var fromContent)) values.AddRange(fromContent);
            if (values.Count > 0) picked[name] = string.Join(", ", values);
        }
        return picked;
    }

    /// <summary>The raw <c>Retry-After</c> of <paramref name="response"/> as a delay from <paramref name="now"/>.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.NonValidated.TryGetValues("retry-after", out var values) ? ParseRetryAfter(values.ToString(), now) : null;

    /// <summary>Seconds (<c>120</c>) or an HTTP date; a date in the past means no wait. Null when unreadable.</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.MaxValue.TotalSeconds));
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date))
            return date > now ? date - now : TimeSpan.Zero;
        return null;
    }
}
