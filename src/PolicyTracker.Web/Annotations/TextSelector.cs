namespace PolicyTracker.Web.Annotations;

/// <summary>
/// Where a piece of an article's canonical text is: a W3C TextQuoteSelector (exact, prefix,
/// suffix) together with a TextPositionSelector (start, end), both counting Unicode code points.
/// Annotations use it now; claims will use the same record.
/// </summary>
public sealed record TextSelector(string Exact, string Prefix, string Suffix, int Start, int End)
{
    /// <summary>Code points of context kept on each side of the quote.</summary>
    public const int ContextLength = 32;

    /// <summary>The selector for code points [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>, with fresh context; null when out of range or empty.</summary>
    public static TextSelector? Describe(string text, int start, int end)
    {
        var length = CodePointText.Length(text);
        if (start < 0 || end > length || start >= end) return null;
        var (from, to) = (CodePointText.Utf16Index(text, start), CodePointText.Utf16Index(text, end));
        var prefixFrom = CodePointText.Utf16Index(text, Math.Max(0, start - ContextLength));
        var suffixTo = CodePointText.Utf16Index(text, Math.Min(length, end + ContextLength));
        return new TextSelector(text[from..to], text[prefixFrom..from], text[to..suffixTo], start, end);
    }
}

/// <summary>Conversions between .NET's UTF-16 indexes and the code-point offsets the W3C selectors count.</summary>
public static class CodePointText
{
    /// <summary>Number of code points in <paramref name="text"/>.</summary>
    public static int Length(string text) => CodePoint(text, text.Length);

    /// <summary>Code-point offset of UTF-16 index <paramref name="utf16Index"/>.</summary>
    public static int CodePoint(string text, int utf16Index)
    {
        // Most texts have no surrogate pairs, where both counts agree: one vectorized scan says so.
        var span = text.AsSpan(0, Math.Clamp(utf16Index, 0, text.Length));
        if (!span.ContainsAnyInRange('\uD800', '\uDFFF')) return span.Length;
        var count = 0;
        for (var i = 0; i < utf16Index && i < text.Length; i++)
        {
            if (!char.IsLowSurrogate(text[i]) || i == 0 || !char.IsHighSurrogate(text[i - 1])) count++;
        }
        return count;
    }

    /// <summary>UTF-16 index of code-point offset <paramref name="codePoint"/> (clamped to the text's end).</summary>
    public static int Utf16Index(string text, int codePoint)
    {
        if (!text.AsSpan(0, Math.Clamp(codePoint, 0, text.Length)).ContainsAnyInRange('\uD800', '\uDFFF')) return Math.Clamp(codePoint, 0, text.Length);
        var i = 0;
        for (var seen = 0; seen < codePoint && i < text.Length; seen++)
            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        return i;
    }

    /// <summary>The text between two code-point offsets, or null when they do not fit in it.</summary>
    public static string? Slice(string text, int start, int end)
    {
        if (start < 0 || end < start || end > Length(text)) return null;
        return text[Utf16Index(text, start)..Utf16Index(text, end)];
    }

}
