using System.Globalization;
using System.Text;

namespace PolicyTracker.Web.Entities;

/// <summary>A token of text: a run of letters and digits, or one other visible character; offsets in UTF-16 units.</summary>
public readonly record struct EntityToken(int Start, int End, string Norm)
{
    /// <summary>True when exactly one space (not a line break) separates it from the token before.</summary>
    public bool AfterSpace { get; init; }

    public bool IsWord => Norm.Length > 0 && char.IsLetterOrDigit(Norm[0]);
    public bool IsCapitalised => Norm.Length > 0 && char.IsUpper(Norm[0]);
}

/// <summary>Splits text into tokens compared without diacritics and with straight apostrophes ("Élodie" = "Elodie", ’ = ').</summary>
public static class EntityTokens
{
    public static List<EntityToken> Of(string text)
    {
        var tokens = new List<EntityToken>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (char.IsLetterOrDigit(c))
            {
                var ascii = true;
                while (i < text.Length && char.IsLetterOrDigit(text[i])) { ascii &= text[i] < 128; i++; }
                var word = text[start..i];
                tokens.Add(new EntityToken(start, i, ascii ? word : Fold(word)) { AfterSpace = SpaceBefore(text, start) });
            }
            else
            {
                i++;
                tokens.Add(new EntityToken(start, i, c is '\u2019' or '\u2018' ? "'" : c is '\u2013' or '\u2011' ? "-" : c.ToString()) { AfterSpace = SpaceBefore(text, start) });
            }
        }
        return tokens;
    }

    static bool SpaceBefore(string text, int start) => start >= 2 && text[start - 1] == ' ' && !char.IsWhiteSpace(text[start - 2]);

    static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark) sb.Append(ch);
        return sb.ToString();
    }
}
