namespace PolicyTracker.Web.Claims;

/// <summary>A claim's place in the canonical text: the W3C quote (exact, prefix, suffix) and position (code points).</summary>
public sealed record TextSpan(string Exact, string Prefix, string Suffix, int Start, int End);

/// <summary>
/// Checks a selector against an article's canonical text and finds a quote again after the text
/// changes. Kept in one place so a shared selector library can replace it.
/// </summary>
public static class ClaimAnchor
{
    /// <summary>Code points of context kept on each side of a quote.</summary>
    public const int ContextLength = 32;

    /// <summary>The span at code points [start, end) of <paramref name="text"/> with its context; null when out of range or empty.</summary>
    public static TextSpan? At(string text, int start, int end)
    {
        var points = CodePointsOf(text);
        if (start < 0 || end <= start || end > points.Length) return null;
        return new TextSpan(Join(points, start, end), Join(points, Math.Max(0, start - ContextLength), start),
            Join(points, end, Math.Min(points.Length, end + ContextLength)), start, end);
    }

    /// <summary>
    /// Resolves a selector: the position when it holds exactly the quote, otherwise the quote's
    /// occurrence that best fits the prefix, suffix and position. Null when the quote is not there.
    /// </summary>
    public static TextSpan? Resolve(string text, string? exact, string? prefix, string? suffix, int? start, int? end)
    {
        if (string.IsNullOrEmpty(exact))
            return start is int s && end is int e ? At(text, s, e) : null;
        if (start is int s2 && end is int e2 && At(text, s2, e2) is { } atPosition && atPosition.Exact == exact)
            return atPosition;
        return Find(text, exact, prefix, suffix, start);
    }

    /// <summary>Finds the quote in a revised text; null when it is gone (the claim is then orphaned).</summary>
    public static TextSpan? Reanchor(string text, TextSpan old) => Resolve(text, old.Exact, old.Prefix, old.Suffix, old.Start, old.End);

    static TextSpan? Find(string text, string exact, string? prefix, string? suffix, int? near)
    {
        TextSpan? best = null;
        var bestScore = int.MinValue;
        for (var at = text.IndexOf(exact, StringComparison.Ordinal); at >= 0; at = text.IndexOf(exact, at + 1, StringComparison.Ordinal))
        {
            var start = Provenance.CodePoints.Offset(text, at);
            var span = At(text, start, start + CodePointCount(exact))!;
            // Matching context outweighs distance from the old position.
            var score = SharedSuffixLength(span.Prefix, prefix ?? "") + SharedPrefixLength(span.Suffix, suffix ?? "")
                - (near is int n ? Math.Min(Math.Abs(start - n), 1000) / 100 : 0);
            if (score > bestScore) (best, bestScore) = (span, score);
        }
        return best;
    }

    static string[] CodePointsOf(string text)
    {
        // Code points, not grapheme clusters: only surrogate pairs stay together.
        var result = new List<string>(text.Length);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
            result.Add(text.Substring(i, char.IsSurrogatePair(text, i) ? 2 : 1));
        return [.. result];
    }

    static int CodePointCount(string s) => Provenance.CodePoints.Offset(s, s.Length);

    static string Join(string[] points, int from, int to) => string.Concat(points[from..to]);

    static int SharedSuffixLength(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[^(n + 1)] == b[^(n + 1)]) n++;
        return n;
    }

    static int SharedPrefixLength(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }
}
