using System.Text.RegularExpressions;

namespace PolicyTracker.Web.Provenance;

/// <summary>A sentence of canonical text: its UTF-16 range and whether it stands alone as a paragraph.</summary>
public readonly record struct Sentence(int Start, int Length, bool WholeParagraph)
{
    public string Of(string text) => text.Substring(Start, Length);
}

/// <summary>Splits canonical text into sentences (paragraphs are separated by newlines in canonical text).</summary>
public static partial class Sentences
{
    [GeneratedRegex(@"(?<=[.!?…][""'”’)\]]?)\s+(?=[""'“‘(\[]?[\p{Lu}\d])", RegexOptions.CultureInvariant)]
    private static partial Regex Boundary();

    /// <summary>The sentences of <paramref name="text"/>, trimmed, in order.</summary>
    public static IReadOnlyList<Sentence> Split(string text)
    {
        var result = new List<Sentence>();
        var paragraphStart = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            var pieces = new List<(int Start, int Length)>();
            var last = 0;
            foreach (Match m in Boundary().Matches(paragraph))
            {
                pieces.Add((last, m.Index - last));
                last = m.Index + m.Length;
            }
            pieces.Add((last, paragraph.Length - last));
            var kept = pieces.Select(p => Trim(paragraph, p)).Where(p => p.Length > 0).ToList();
            foreach (var (start, length) in kept) result.Add(new Sentence(paragraphStart + start, length, kept.Count == 1));
            paragraphStart += paragraph.Length + 1;
        }
        return result;
    }

    static (int Start, int Length) Trim(string s, (int Start, int Length) piece)
    {
        var (start, end) = (piece.Start, piece.Start + piece.Length);
        while (start < end && char.IsWhiteSpace(s[start])) start++;
        while (end > start && char.IsWhiteSpace(s[end - 1])) end--;
        return (start, end - start);
    }
}
