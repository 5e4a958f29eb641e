namespace PolicyTracker.Web.Stories;

/// <summary>
/// When two articles are the same story: their signatures share an LSH band, the estimate is
/// not far off, and the exact shingle overlap confirms it. Thresholds were chosen on the dev
/// part of the labelled pairs (tests/PolicyTracker.Evaluation/Data/clusters).
/// </summary>
public static class StoryMatch
{
    /// <summary>Below this estimate a candidate is not worth confirming.</summary>
    public const double MinEstimate = 0.2;
    /// <summary>Exact Jaccard of word 5-gram shingles at or above which two texts are one story.</summary>
    public const double Threshold = 0.35;

    /// <summary>The decision for two texts, as ingestion would take it.</summary>
    public static bool SameStory(string x, string y)
    {
        uint[] a = StorySignature.Of(x), b = StorySignature.Of(y);
        var shareBand = StorySignature.BandKeys(a).Intersect(StorySignature.BandKeys(b)).Any();
        return shareBand && StorySignature.Estimate(a, b) >= MinEstimate && StorySignature.Jaccard(x, y) >= Threshold;
    }
}
