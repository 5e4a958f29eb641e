using System.Text;

namespace PolicyTracker.Web.Provenance;

/// <summary>
/// The form rule patterns match against: lower case, "A.I." as "ai", dashes and hyphens as
/// spaces, typographic quotes as plain ones, runs of spaces as one. Each character keeps the
/// index of the original character it came from, so a match maps back to the sentence.
/// </summary>
public sealed class SentenceText
{
    SentenceText(string normalized, int[] origin) => (Normalized, this.origin) = (normalized, origin);

    /// <summary>The same sentence, knowing whether a quotation was open when it began.</summary>
    public SentenceText WithOpenQuote(bool open) => new(Normalized, origin) { OpenQuoteBefore = open };

    readonly int[] origin;

    public string Normalized { get; }

    /// <summary>The original index of normalized character <paramref name="i"/>.</summary>
    public int OriginOf(int i) => origin[Math.Clamp(i, 0, origin.Length - 1)];

    public static SentenceText From(string sentence)
    {
        var text = new StringBuilder(sentence.Length);
        var origin = new List<int>(sentence.Length);
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            // "A.I." and "a.i." read as "ai".
            if ((c is 'a' or 'A') && i + 3 < sentence.Length && sentence[i + 1] == '.' && sentence[i + 2] is 'i' or 'I' && sentence[i + 3] == '.')
            {
                Append('a', i); Append('i', i + 2);
                i += 3;
                continue;
            }
            // A dash with space on both sides ("AI GENERATED REPORT - figures may be wrong") parts clauses, as a comma does.
            if (c is '-' or '–' or '—' && i > 0 && char.IsWhiteSpace(sentence[i - 1]) && i + 1 < sentence.Length && char.IsWhiteSpace(sentence[i + 1]))
            {
                if (text.Length > 0 && text[^1] == ' ')
                {
                    text.Length--;
                    origin.RemoveAt(origin.Count - 1);
                }
                Append(',', i);
                continue;
            }
            var mapped = c switch
            {
                '-' or '‐' or '‑' or '–' or '—' or '_' or '/' => ' ',
                '“' or '”' or '„' or '«' or '»' => '"',
                '‘' or '’' => '\'',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => char.ToLowerInvariant(c),
            };
            if (mapped == ' ' && text.Length > 0 && text[^1] == ' ') continue;
            Append(mapped, i);
        }
        return new SentenceText(text.ToString(), [.. origin]);

        void Append(char c, int from)
        {
            text.Append(c);
            origin.Add(from);
        }
    }

    /// <summary>Quotation marks open before this sentence in its paragraph (a quote that spans sentences).</summary>
    public bool OpenQuoteBefore { get; init; }

    /// <summary>True when position <paramref name="index"/> lies inside quotation marks, double or single.</summary>
    public bool IsQuoted(int index) => (QuoteMarks(Normalized.AsSpan(0, index)) + (OpenQuoteBefore ? 1 : 0)) % 2 == 1;

    /// <summary>Quotation marks in <paramref name="text"/>: double quotes, and single quotes that are not apostrophes.</summary>
    public static int QuoteMarks(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '"' or '“' or '”' or '«' or '»') count++;
            else if (text[i] is '\'' or '‘' or '’' && !(i > 0 && char.IsLetterOrDigit(text[i - 1]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                     && !(i > 0 && text[i - 1] is 's' && (i + 1 == text.Length || !char.IsLetter(text[i + 1])))) count++;
        }
        return count;
    }
}
