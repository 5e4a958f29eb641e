namespace PolicyTracker.Benchmarks.Generation;

/// <summary>
/// Samples ranks 0..n-1 with probability proportional to 1/(rank+1+shift)^s, the shape of word
/// frequencies in natural text. The cumulative table is built once; a sample is one binary search.
/// </summary>
public sealed class ZipfDistribution
{
    /// <summary>The exponent measured for English news text, slightly above the classic 1.0.</summary>
    public const double DefaultExponent = 1.07;

    private readonly double[] _cumulative;

    /// <summary>
    /// Builds the cumulative table for <paramref name="count"/> ranks. A positive <paramref name="shift"/>
    /// (Zipf–Mandelbrot) flattens the head: use it for a list that sits below the top of the whole
    /// vocabulary, such as nouns alone, whose commonest member is far rarer than "the".
    /// </summary>
    public ZipfDistribution(int count, double exponent = DefaultExponent, double shift = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegative(shift);
        _cumulative = new double[count];
        var total = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            total += 1.0 / Math.Pow(rank + 1 + shift, exponent);
            _cumulative[rank] = total;
        }

        for (var rank = 0; rank < count; rank++)
        {
            _cumulative[rank] /= total;
        }

        // Rounding can leave the last entry a hair under 1.0; a sample of 0.9999999 must still land.
        _cumulative[count - 1] = 1.0;
        Exponent = exponent;
    }

    /// <summary>Number of ranks.</summary>
    public int Count => _cumulative.Length;

    /// <summary>The exponent s.</summary>
    public double Exponent { get; }

    /// <summary>Probability of drawing <paramref name="rank"/> (0-based).</summary>
    public double Probability(int rank) =>
        rank == 0 ? _cumulative[0] : _cumulative[rank] - _cumulative[rank - 1];

    /// <summary>Draws a 0-based rank.</summary>
    public int Sample(DeterministicRng rng)
    {
        var position = Array.BinarySearch(_cumulative, rng.NextDouble());
        return position >= 0 ? position : Math.Min(~position, _cumulative.Length - 1);
    }
}

/// <summary>A word list ordered from most to least frequent, sampled with a Zipf distribution.</summary>
public sealed class ZipfWordList
{
    private readonly string[] _words;
    private readonly ZipfDistribution _distribution;

    /// <summary>Wraps <paramref name="wordsByRank"/> (most frequent first); duplicates keep their first rank.</summary>
    public ZipfWordList(IEnumerable<string> wordsByRank, double exponent = ZipfDistribution.DefaultExponent, double shift = 0)
    {
        _words = wordsByRank.Distinct(StringComparer.Ordinal).ToArray();
        _distribution = new ZipfDistribution(_words.Length, exponent, shift);
    }

    /// <summary>The words, most frequent first.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>Draws one word.</summary>
    public string Sample(DeterministicRng rng) => _words[_distribution.Sample(rng)];

    /// <summary>Expected share of draws that return the word at <paramref name="rank"/>.</summary>
    public double Probability(int rank) => _distribution.Probability(rank);
}
