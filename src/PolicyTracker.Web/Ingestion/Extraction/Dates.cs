using System.Globalization;
using AngleSharp.Dom;

namespace PolicyTracker.Web.Ingestion.Extraction;

/// <summary>Publication dates as pages write them.</summary>
static class Dates
{
    static readonly string[] MetaNames = ["date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "pubdate", "publishdate"];

    /// <summary>The instant <paramref name="value"/> names (UTC), or null; a date without zone is taken as UTC.</summary>
    public static DateTime? Parse(string? value) =>
        !string.IsNullOrWhiteSpace(value) && DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d.UtcDateTime : null;

    /// <summary>
    /// A date the page shows when its metadata has none, most trusted first: a datePublished
    /// microdata property, a date meta tag, a time marked pubdate, a time inside an article, any time.
    /// </summary>
    public static DateTime? FromPage(IDocument document)
    {
        // One walk over the page, keeping the best of each kind.
        var found = new DateTime?[5];
        foreach (var e in document.All)
        {
            var (rank, value) = e.LocalName switch
            {
                _ when e.GetAttribute("itemprop") == "datePublished" => (0, e.GetAttribute("content") ?? e.GetAttribute("datetime") ?? e.TextContent),
                "meta" when MetaNames.Contains(e.GetAttribute("name")?.ToLowerInvariant()) => (1, e.GetAttribute("content")),
                "time" when e.HasAttribute("pubdate") => (2, e.GetAttribute("datetime")),
                "time" when e.Closest("article") is not null => (3, e.GetAttribute("datetime")),
                "time" => (4, e.GetAttribute("datetime")),
                _ => (-1, null),
            };
            if (rank >= 0 && found[rank] is null) found[rank] = Parse(value);
        }
        return found.FirstOrDefault(d => d is not null);
    }
}
