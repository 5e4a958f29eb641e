namespace PolicyTracker.Benchmarks.Measurement;

/// <summary>Summary of a set of durations, in milliseconds.</summary>
/// <param name="Count">Number of samples.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Median">50th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Min">Fastest sample.</param>
/// <param name="Max">Slowest sample.</param>
public sealed record Stats(int Count, double Mean, double Median, double P95, double P99, double Min, double Max)
{
    /// <summary>Summarises durations given in milliseconds; throws on an empty list.</summary>
    public static Stats FromMilliseconds(IEnumerable<double> durationsMs)
    {
        var sorted = durationsMs.ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("At least one duration is needed.", nameof(durationsMs));
        }

        Array.Sort(sorted);
        return new Stats(
            sorted.Length,
            sorted.Average(),
            Percentile(sorted, 50),
            Percentile(sorted, 95),
            Percentile(sorted, 99),
            sorted[0],
            sorted[^1]);
    }

    /// <summary>Summarises durations given as <see cref="TimeSpan"/>s.</summary>
    public static Stats FromDurations(IEnumerable<TimeSpan> durations) =>
        FromMilliseconds(durations.Select(d => d.TotalMilliseconds));

    /// <summary>
    /// The <paramref name="percent"/>th percentile of ascending <paramref name="sorted"/> values,
    /// interpolating between the two nearest ranks (the usual spreadsheet and NumPy definition).
    /// </summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("At least one value is needed.", nameof(sorted));
        }

        var rank = percent / 100 * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
    }

    /// <summary>One-line summary, e.g. "median 1.20 ms, p95 3.40 ms, p99 5.10 ms (n=1000)".</summary>
    public override string ToString() =>
        FormattableString.Invariant($"median {Median:0.###} ms, p95 {P95:0.###} ms, p99 {P99:0.###} ms, mean {Mean:0.###} ms, min {Min:0.###} ms, max {Max:0.###} ms (n={Count})");
}
