using System.Globalization;
using System.Text;

namespace PolicyTracker.Evaluation.Python;

/// <summary>A token: its kind ("name", "number", "string", "op", "end") and value.</summary>
readonly record struct PyToken(string Kind, object? Value, string Text);

/// <summary>Splits an expression into tokens, decoding string literals (u/b/r prefixes, triple quotes, escapes).</summary>
static class PyLexer
{
    static readonly string[] Operators = ["==", "!=", "<=", ">=", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", "-", "+", "%"];

    /// <summary>All tokens of the expression, ending with an "end" token.</summary>
    public static List<PyToken> Tokenize(string source)
    {
        var tokens = new List<PyToken>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (IsStringStart(source, i, out var prefixLength))
            {
                var (value, end) = ReadString(source, i + prefixLength, source[i..(i + prefixLength)].Contains('r', StringComparison.OrdinalIgnoreCase));
                tokens.Add(new PyToken("string", value, source[i..end]));
                i = end;
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < source.Length && (char.IsDigit(source[i]) || source[i] == '.')) i++;
                var text = source[start..i];
                // Typed apart so an integer literal stays a long rather than widening to double.
                object number = text.Contains('.') ? (object)double.Parse(text, CultureInfo.InvariantCulture) : long.Parse(text, CultureInfo.InvariantCulture);
                tokens.Add(new PyToken("number", number, text));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_')) i++;
                tokens.Add(new PyToken("name", source[start..i], source[start..i]));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(source, i, o, 0, o.Length) == 0)
                    ?? throw new PyError("SyntaxError", $"unexpected character '{c}' at {i}");
                tokens.Add(new PyToken("op", op, op));
                i += op.Length;
            }
        }
        tokens.Add(new PyToken("end", null, ""));
        return tokens;
    }

    static bool IsStringStart(string s, int i, out int prefixLength)
    {
        prefixLength = 0;
        while (i + prefixLength < s.Length && prefixLength < 2 && "uUbBrR".Contains(s[i + prefixLength])) prefixLength++;
        if (i + prefixLength < s.Length && s[i + prefixLength] is '\'' or '"') return prefixLength == 0 || !char.IsLetterOrDigit(i > 0 ? s[i - 1] : ' ');
        prefixLength = 0;
        return false;
    }

    static (string Value, int End) ReadString(string s, int i, bool raw)
    {
        var quote = s[i];
        var triple = i + 2 < s.Length && s[i + 1] == quote && s[i + 2] == quote;
        var delimiter = new string(quote, triple ? 3 : 1);
        i += delimiter.Length;
        var output = new StringBuilder();
        while (i < s.Length)
        {
            if (string.CompareOrdinal(s, i, delimiter, 0, delimiter.Length) == 0) return (output.ToString(), i + delimiter.Length);
            if (s[i] == '\\' && !raw && i + 1 < s.Length) i = Escape(s, i + 1, output);
            else output.Append(s[i++]);
        }
        throw new PyError("SyntaxError", "unterminated string literal");
    }

    static int Escape(string s, int i, StringBuilder output)
    {
        var c = s[i];
        switch (c)
        {
            case 'n': output.Append('\n'); return i + 1;
            case 't': output.Append('\t'); return i + 1;
            case 'r': output.Append('\r'); return i + 1;
            case '0': output.Append('\0'); return i + 1;
            case 'x': output.Append((char)int.Parse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); return i + 3;
            case 'u': output.Append((char)int.Parse(s.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); return i + 5;
            case 'U': output.Append(char.ConvertFromUtf32(int.Parse(s.AsSpan(i + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture))); return i + 9;
            case '\\' or '\'' or '"': output.Append(c); return i + 1;
            case '\n': return i + 1;
            default: output.Append('\\').Append(c); return i + 1;
        }
    }
}
