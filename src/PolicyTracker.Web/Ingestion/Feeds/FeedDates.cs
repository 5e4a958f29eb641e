using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Reads the date formats feeds use in practice (RFC 822 and its mangled cousins, W3CDTF/ISO 8601, asctime) as UTC.</summary>
static partial class FeedDates
{
    static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0, ["UT"] = 0, ["UTC"] = 0, ["Z"] = 0, ["WET"] = 0, ["BST"] = 1, ["CET"] = 1, ["CEST"] = 2, ["MET"] = 1, ["MEST"] = 2, ["EET"] = 2, ["EEST"] = 3,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5, ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
        ["AKST"] = -9, ["AKDT"] = -8, ["HST"] = -10, ["AST"] = -4, ["ADT"] = -3, ["NZST"] = 12, ["NZDT"] = 13,
        ["JST"] = 9, ["KST"] = 9, ["IST"] = 5, ["AEST"] = 10, ["AEDT"] = 11, ["ACST"] = 9, ["AWST"] = 8,
    };

    /// <summary>The date as UTC, or null when the text is not a date this reader understands.</summary>
    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        return ParseIso(trimmed) ?? ParseRfc822(trimmed) ?? ParseAsctime(trimmed);
    }

    static DateTime? ParseIso(string text)
    {
        var m = Iso().Match(text);
        if (!m.Success) return null;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = Number(m, "mo", 1);
        var day = Number(m, "d", 1);
        if (m.Groups["doy"].Success) (month, day) = (1, int.Parse(m.Groups["doy"].Value, CultureInfo.InvariantCulture));
        var fraction = m.Groups["f"].Success ? double.Parse("0." + m.Groups["f"].Value, CultureInfo.InvariantCulture) : 0;
        var offset = m.Groups["z"].Success ? ZoneOffset(m.Groups["z"].Value) : TimeSpan.Zero;
        var dayShift = m.Groups["doy"].Success ? day - 1 : 0;
        if (m.Groups["doy"].Success) day = 1;
        return Build(year, month, day, Number(m, "h", 0), Number(m, "mi", 0), Number(m, "s", 0), offset, fraction, dayShift);
    }

    static DateTime? ParseRfc822(string text)
    {
        var m = Rfc822().Match(text);
        if (!m.Success) return null;
        var month = Month(m.Groups["mon"].Value);
        if (month == 0) return null;
        var year = ExpandYear(m.Groups["y"].Value);
        var offset = m.Groups["z"].Success ? ZoneOffset(m.Groups["z"].Value) : TimeSpan.Zero;
        return Build(year, month, int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), Number(m, "h", 0), Number(m, "mi", 0), Number(m, "s", 0), offset, 0, 0);
    }

    static DateTime? ParseAsctime(string text)
    {
        var m = Asctime().Match(text);
        if (!m.Success) return null;
        var offset = m.Groups["z"].Success ? ZoneOffset(m.Groups["z"].Value) : TimeSpan.Zero;
        return Build(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), Month(m.Groups["mon"].Value), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture),
            m.Groups["h"].Success ? Number(m, "h", 0) : Number(m, "h2", 0), m.Groups["h"].Success ? Number(m, "mi", 0) : Number(m, "mi2", 0), Number(m, "s", 0), offset, 0, 0);
    }

    static DateTime? Build(int year, int month, int day, int hour, int minute, int second, TimeSpan offset, double fraction, int dayShift)
    {
        // Some producers write 24:00 for midnight or a leap second as :60; both roll forward.
        var extra = TimeSpan.Zero;
        if (hour == 24) { hour = 0; extra += TimeSpan.FromDays(1); }
        if (second == 60) { second = 59; extra += TimeSpan.FromSeconds(1); }
        if (year < 1 || year > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return null;
        try
        {
            var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddDays(dayShift).AddTicks((long)(fraction * TimeSpan.TicksPerSecond)) + extra;
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        catch (ArgumentOutOfRangeException) { return null; }
    }

    static TimeSpan ZoneOffset(string zone)
    {
        zone = zone.Trim();
        if (zone.Length > 0 && zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
            if (digits.Length <= 2) digits = digits.PadLeft(2, '0') + "00";
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm)) return TimeSpan.Zero;
            var span = new TimeSpan(hhmm / 100, hhmm % 100, 0);
            return zone[0] == '-' ? -span : span;
        }
        if (ZoneHours.TryGetValue(zone, out var hours)) return TimeSpan.FromHours(hours);
        // Single-letter military zones other than Z are too often wrong to trust; read them as UTC.
        return TimeSpan.Zero;
    }

    static int ExpandYear(string year)
    {
        var value = int.Parse(year, CultureInfo.InvariantCulture);
        return year.Length > 2 ? value : value < 50 ? 2000 + value : 1900 + value;
    }

    static int Month(string name) =>
        name.Length < 3 ? 0 : Array.IndexOf(Months, name[..3].ToLowerInvariant()) + 1;

    static int Number(Match m, string group, int fallback) =>
        m.Groups[group].Success && m.Groups[group].Value.Length > 0 ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : fallback;

    [GeneratedRegex(@"^(?<y>\d{4})(?:-?(?:(?<doy>\d{3})(?!\d)|(?<mo>\d{2})(?:-?(?<d>\d{2}))?))?(?:[T ]\s*(?<h>\d{2}):?(?<mi>\d{2})(?::?(?<s>\d{2})(?:[.,](?<f>\d+))?)?)?\s*(?<z>Z|[+-]\d{1,2}(?::?\d{2})?|UTC|GMT)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?:[A-Za-z]+\.?,?\s*)?(?<d>\d{1,2})[\s-]+(?<mon>[A-Za-z]{3,9})\.?[\s-]+(?<y>\d{4}|\d{2})(?:[\sT,]+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?)?\s*(?<z>[+-]\d{1,2}:?\d{2}|[A-Za-z]{1,5})?(?:\s*\(.*\))?\s*$")]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^(?:[A-Za-z]+,?\s+)?(?<mon>[A-Za-z]{3,9})\s+(?<d>\d{1,2}),?\s+(?:(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?\s+(?<z>[A-Za-z]{1,5}\s+|[+-]\d{4}\s+)?)?(?<y>\d{4})(?:\s+(?<h2>\d{1,2}):(?<mi2>\d{2}))?\s*$")]
    private static partial Regex Asctime();
}
