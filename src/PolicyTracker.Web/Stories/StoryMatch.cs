namespace PolicyTracker.Web.Stories;

/// <summary>
/// When two articles are the same story: their signatures share an LSH band, the estimate is
/// not far off, and the exact shingle overlap confirms it. Thresholds were chosen on the dev
/// part of the labelled pairs (tests/PolicyTracker.Evaluation/Data/clusters).
/// </summary>
public static class StoryMatch
{
    /// <summary>Below this estimate a candidate is not worth confirming (the estimate's error is about ±0.04 near the threshold).</summary>
    public const double MinEstimate = 0.27;
    /// <summary>At or above this estimate the texts are copies for certain: no need to confirm.</summary>
    public const double SureEstimate = 0.6;
    /// <summary>Exact Jaccard of word 5-gram shingles at or above which two texts are one story.</summary>
    public const double Threshold = 0.35;

    /// <summary>
    /// Whether a close candidate (estimate at least <see cref="MinEstimate"/>) is the same story: a
    /// sure estimate is enough, otherwise the exact overlap <paramref name="exact"/> decides.
    /// </summary>
    public static bool Confirm(double estimate, Func<double> exact) => estimate >= SureEstimate || exact() >= Threshold;

    /// <summary>The decision for two texts, as ingestion would take it.</summary>
    public static bool SameStory(string x, string y)
    {
        uint[] a = StorySignature.Of(x), b = StorySignature.Of(y);
        var shareBand = StorySignature.BandKeys(a).Intersect(StorySignature.BandKeys(b)).Any();
        var estimate = StorySignature.Estimate(a, b);
        return shareBand && estimate >= MinEstimate && Confirm(estimate, () => StorySignature.Jaccard(x, y));
    }
}
