using System.Text;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Finds the root element name in the first bytes of a document, skipping the prolog.</summary>
static class FeedSniffer
{
    /// <summary>The local name of the first element, or null when none starts in the first 4 KB.</summary>
    public static string? RootElementName(ReadOnlySpan<byte> body)
    {
        var head = Head(body[..Math.Min(body.Length, 4096)]);
        var i = 0;
        while (i < head.Length)
        {
            var lt = head.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= head.Length) return null;
            var next = head[lt + 1];
            if (next is '?' or '!')
            {
                // Comments may hold '>' and DOCTYPEs may hold an internal subset; skip each whole.
                var close = string.CompareOrdinal(head, lt, "<!--", 0, 4) == 0 ? head.IndexOf("-->", lt, StringComparison.Ordinal)
                    : next == '!' && head.IndexOf('[', lt) is var b && b >= 0 && b < head.IndexOf('>', lt) ? head.IndexOf("]>", lt, StringComparison.Ordinal)
                    : head.IndexOf('>', lt);
                if (close < 0) return null;
                i = close + 1;
                continue;
            }
            var end = lt + 1;
            while (end < head.Length && !char.IsWhiteSpace(head[end]) && head[end] is not ('>' or '/')) end++;
            var name = head[(lt + 1)..end];
            var colon = name.IndexOf(':');
            return colon >= 0 ? name[(colon + 1)..] : name;
        }
        return null;
    }

    static string Head(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes.Length >= 4 && bytes[0] == '<' && bytes[1] == 0))
            return Encoding.Unicode.GetString(bytes);
        if (bytes.Length >= 2 && (bytes[0] == 0xFE && bytes[1] == 0xFF || bytes[0] == 0 && bytes[1] == '<'))
            return Encoding.BigEndianUnicode.GetString(bytes);
        return Encoding.Latin1.GetString(bytes).TrimStart('\u00EF', '\u00BB', '\u00BF', '\uFEFF', '\uFFFE');
    }
}
