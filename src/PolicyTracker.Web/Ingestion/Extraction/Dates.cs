using System.Globalization;
using AngleSharp.Dom;

namespace PolicyTracker.Web.Ingestion.Extraction;

/// <summary>Publication dates as pages write them.</summary>
static class Dates
{
    /// <summary>The instant <paramref name="value"/> names (UTC), or null; a date without zone is taken as UTC.</summary>
    public static DateTime? Parse(string? value) =>
        !string.IsNullOrWhiteSpace(value) && DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d.UtcDateTime : null;

    /// <summary>A date the page shows when its metadata has none: a meta date tag or the first &lt;time datetime&gt; of an article.</summary>
    public static DateTime? FromPage(IDocument document)
    {
        foreach (var selector in new[] { "meta[itemprop=datePublished]", "meta[name=date]", "meta[name='dc.date' i]", "meta[name='sailthru.date']" })
            if (Parse(document.QuerySelector(selector)?.GetAttribute("content")) is { } d) return d;
        var time = document.QuerySelector("[itemprop=datePublished][datetime], article time[datetime], time[pubdate][datetime], time[datetime]");
        return Parse(time?.GetAttribute("datetime"));
    }
}
