using PolicyTracker.Web.Annotations;

namespace PolicyTracker.Web.Claims;

/// <summary>
/// A claim's span is a W3C selector like an annotation's, and it is found again the same way
/// (<see cref="QuoteAnchor"/>); this adds only the claims' rule for a client's selector: a
/// position that still holds the quote wins, otherwise the quote is looked for.
/// </summary>
public static class ClaimAnchor
{
    /// <summary>The span at code points [start, end) of <paramref name="text"/> with its context; null when out of range or empty.</summary>
    public static TextSelector? At(string text, int start, int end) => TextSelector.Describe(text, start, end);

    /// <summary>
    /// Resolves a selector: the position when it holds exactly the quote, otherwise the quote's
    /// occurrence that best fits the prefix, suffix and position. Null when the quote is not there.
    /// </summary>
    public static TextSelector? Resolve(string text, string? exact, string? prefix, string? suffix, int? start, int? end)
    {
        if (string.IsNullOrEmpty(exact))
            return start is int s && end is int e ? At(text, s, e) : null;
        if (start is int s2 && end is int e2 && At(text, s2, e2) is { } atPosition && atPosition.Exact == exact)
            return atPosition;
        return QuoteAnchor.Locate(text, new TextSelector(exact, prefix ?? "", suffix ?? "", start ?? 0, end ?? 0));
    }

    /// <summary>Finds the quote in a revised text; null when it is gone (the claim is then orphaned).</summary>
    public static TextSelector? Reanchor(string text, TextSelector old) => Resolve(text, old.Exact, old.Prefix, old.Suffix, old.Start, old.End);
}
