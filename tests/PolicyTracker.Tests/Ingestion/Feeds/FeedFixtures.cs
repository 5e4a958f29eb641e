using System.Text;
using PolicyTracker.Web.Ingestion.Feeds;

namespace PolicyTracker.Tests.Ingestion.Feeds;

/// <summary>Loads the hand-written feeds copied next to the test assembly.</summary>
static class FeedFixtures
{
    /// <summary>Raw bytes of a fixture file.</summary>
    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Ingestion", "Feeds", "Fixtures", name));

    /// <summary>Parses a fixture as if fetched from the given URL.</summary>
    public static FeedDocument Parse(string name, string? url = null) =>
        FeedParser.Parse(Bytes(name), null, url is null ? null : new Uri(url));

    /// <summary>Parses inline XML text encoded as UTF-8.</summary>
    public static FeedDocument ParseText(string xml, string? url = null) =>
        FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, url is null ? null : new Uri(url));

    /// <summary>A UTC timestamp, for comparing dates.</summary>
    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);
}
