using System.Globalization;

namespace PolicyTracker.Benchmarks.Measurement;

/// <summary>Rates from counts and elapsed time. MB means 10^6 bytes, as disk and network figures do.</summary>
public static class Throughput
{
    /// <summary>Bytes in one MB.</summary>
    public const double BytesPerMegabyte = 1_000_000;

    /// <summary>Items per second; 0 when no time elapsed.</summary>
    public static double PerSecond(long count, TimeSpan elapsed) =>
        elapsed > TimeSpan.Zero ? count / elapsed.TotalSeconds : 0;

    /// <summary>Megabytes (10^6 bytes) per second; 0 when no time elapsed.</summary>
    public static double MegabytesPerSecond(long bytes, TimeSpan elapsed) =>
        PerSecond(bytes, elapsed) / BytesPerMegabyte;

    /// <summary>A byte count for people: "812 B", "4.1 KB", "412.7 MB", "1.20 GB".</summary>
    public static string FormatBytes(long bytes) => bytes switch
    {
        < 1_000 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1_000_000 => (bytes / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        < 1_000_000_000 => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / 1e9).ToString("0.00", CultureInfo.InvariantCulture) + " GB",
    };

    /// <summary>A duration as "0:42" or "1:02:03" (ETA style).</summary>
    public static string FormatClock(TimeSpan duration) =>
        duration.TotalHours >= 1
            ? duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : duration.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
