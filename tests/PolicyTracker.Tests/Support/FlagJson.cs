using System.Text.Json;

namespace PolicyTracker.Tests.Support;

/// <summary>Reading flags from an article as the API returns it (null properties are left out).</summary>
public static class FlagJson
{
    /// <summary>The flags raised now: retired ones, kept for their history, carry <c>retiredAt</c>.</summary>
    public static IEnumerable<JsonElement> Raised(JsonElement article) =>
        article.GetProperty("flags").EnumerateArray().Where(f => !Has(f, "retiredAt"));

    /// <summary>Whether the property is present and not null.</summary>
    public static bool Has(JsonElement e, string name) => e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;
}
