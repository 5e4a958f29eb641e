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
        if (start < 0 || end <= start) return null;
        var from = Utf16Index(text, start, 0);
        if (from < 0) return null;
        var to = Utf16Index(text, end - start, from);
        if (to < 0) return null;
        var before = Step(text, from, -ContextLength);
        var after = Step(text, to, ContextLength);
        return new TextSpan(text[from..to], text[before..from], text[to..after], start, end);
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

    /// <summary>The UTF-16 index <paramref name="count"/> code points after <paramref name="from"/>; -1 past the end.</summary>
    static int Utf16Index(string text, int count, int from)
    {
        var i = from;
        for (var n = 0; n < count; n++)
        {
            if (i >= text.Length) return -1;
            i += char.IsSurrogatePair(text, i) ? 2 : 1;
        }
        return i <= text.Length ? i : -1;
    }

    /// <summary>Moves <paramref name="points"/> code points forward (or back when negative) from <paramref name="i"/>, stopping at the ends.</summary>
    static int Step(string text, int i, int points)
    {
        for (var n = 0; n < Math.Abs(points); n++)
        {
            if (points > 0) { if (i >= text.Length) break; i += char.IsSurrogatePair(text, i) ? 2 : 1; }
            else { if (i <= 0) break; i -= i >= 2 && char.IsSurrogatePair(text, i - 2) ? 2 : 1; }
        }
        return i;
    }

    static int CodePointCount(string s) => Provenance.CodePoints.Offset(s, s.Length);

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
