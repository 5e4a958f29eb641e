namespace PolicyTracker.Web.Annotations;

/// <summary>
/// Finds a quoted passage again in a text that may have changed: every occurrence of the exact
/// quote is scored by how much of the recorded prefix and suffix surrounds it, and the nearest to
/// the recorded position wins a tie. A quote that no longer occurs cannot be anchored.
/// </summary>
public static class QuoteAnchor
{
    /// <summary>The selector re-anchored in <paramref name="text"/> with fresh positions and context, or null when the quote is gone.</summary>
    public static TextSelector? Locate(string text, TextSelector selector)
    {
        var exact = selector.Exact;
        if (exact.Length == 0) return null;
        (int Start, int Score, int Distance)? best = null;
        var (utf16, codePoint) = (0, 0);
        for (var at = text.IndexOf(exact, StringComparison.Ordinal); at >= 0; at = text.IndexOf(exact, at + 1, StringComparison.Ordinal))
        {
            // Walk the code-point count forward from the previous occurrence rather than from the start.
            codePoint += CodePointText.CodePoint(text[utf16..at], at - utf16);
            utf16 = at;
            var score = CommonSuffix(text.AsSpan(0, at), selector.Prefix) + CommonPrefix(text.AsSpan(at + exact.Length), selector.Suffix);
            var distance = Math.Abs(codePoint - selector.Start);
            if (best is null || score > best.Value.Score || (score == best.Value.Score && distance < best.Value.Distance))
                best = (codePoint, score, distance);
        }
        if (best is not { } found) return null;
        return TextSelector.Describe(text, found.Start, found.Start + CodePointText.Length(exact));
    }

    /// <summary>
    /// Checks a selector a client sent against the text and completes it: the position alone gets
    /// its quote, the quote alone its position. Null with the reason when it does not match.
    /// </summary>
    public static (TextSelector? Selector, string? Error) Resolve(string text, string? exact, string? prefix, string? suffix, int? start, int? end)
    {
        if (start is not null || end is not null)
        {
            if (start is not int s || end is not int e) return (null, "A TextPositionSelector needs both start and end.");
            var described = TextSelector.Describe(text, s, e);
            if (described is null) return (null, $"The TextPositionSelector {s}-{e} does not lie within the article's text ({CodePointText.Length(text)} code points).");
            if (exact is not null && described.Exact != exact)
                return (null, $"The text at {s}-{e} is \"{Shorten(described.Exact)}\", not the quoted \"{Shorten(exact)}\".");
            return (described, null);
        }
        if (string.IsNullOrEmpty(exact)) return (null, "A TextQuoteSelector needs a non-empty exact quote.");
        var located = Locate(text, new TextSelector(exact, prefix ?? "", suffix ?? "", 0, 0));
        return located is null ? (null, $"The quote \"{Shorten(exact)}\" does not occur in the article's text.") : (located, null);
    }

    static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    static int CommonSuffix(ReadOnlySpan<char> before, string prefix)
    {
        var n = 0;
        while (n < before.Length && n < prefix.Length && before[^(n + 1)] == prefix[^(n + 1)]) n++;
        return n;
    }

    static int CommonPrefix(ReadOnlySpan<char> after, string suffix)
    {
        var n = 0;
        while (n < after.Length && n < suffix.Length && after[n] == suffix[n]) n++;
        return n;
    }
}
