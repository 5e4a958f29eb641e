using System.Text;
using System.Text.RegularExpressions;

namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Turns feed bytes into text, settling disagreements between BOM, HTTP charset, XML declaration and the bytes themselves.</summary>
static partial class FeedDecoder
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static FeedDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes the body; every guess that overrode what the document claimed is added to repairs.</summary>
    public static string Decode(byte[] body, string? headerCharset, List<string> repairs)
    {
        var (bomEncoding, bomLength) = DetectBom(body);
        var declared = ReadDeclaredEncoding(body, bomEncoding, bomLength);
        string text;
        if (bomEncoding is not null)
        {
            text = bomEncoding.GetString(body, bomLength, body.Length - bomLength);
            if (declared is not null && !SameFamily(declared, bomEncoding))
                repairs.Add($"byte order mark says {bomEncoding.WebName} but the XML declaration says {declared}; used the byte order mark");
        }
        else
        {
            text = DecodeWithoutBom(body, headerCharset, declared, repairs);
        }
        return CleanText(text, repairs);
    }

    static string DecodeWithoutBom(byte[] body, string? headerCharset, string? declared, List<string> repairs)
    {
        // Servers often send a default charset that the document contradicts; the bytes decide between them.
        var claimed = Normalize(headerCharset) ?? Normalize(declared) ?? "utf-8";
        var utf8 = TryUtf8(body, out var hasNonAscii);
        if (utf8 is not null && (!hasNonAscii || IsUtf8(claimed)))
            return utf8;
        if (utf8 is not null)
        {
            repairs.Add($"declared {claimed} but the bytes are UTF-8; read as UTF-8");
            return utf8;
        }
        var encoding = Lookup(claimed);
        if (encoding is null || IsUtf8(claimed))
        {
            repairs.Add($"declared {claimed} but the bytes are not valid in it; read as windows-1252");
            encoding = Encoding.GetEncoding(1252);
        }
        return encoding.GetString(body);
    }

    static string? TryUtf8(byte[] body, out bool hasNonAscii)
    {
        hasNonAscii = Array.Exists(body, b => b >= 0x80);
        try { return StrictUtf8.GetString(body); }
        catch (DecoderFallbackException) { return null; }
    }

    static (Encoding? Encoding, int Length) DetectBom(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return (new UTF8Encoding(false), 3);
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) return (new UTF32Encoding(false, false), 4);
        if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) return (new UTF32Encoding(true, false), 4);
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) return (new UnicodeEncoding(false, false), 2);
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) return (new UnicodeEncoding(true, false), 2);
        // UTF-16 without a BOM still starts with "<" next to a zero byte.
        if (b.Length >= 4 && b[0] == '<' && b[1] == 0 && b[2] != 0) return (new UnicodeEncoding(false, false), 0);
        if (b.Length >= 4 && b[0] == 0 && b[1] == '<' && b[3] != 0) return (new UnicodeEncoding(true, false), 0);
        return (null, 0);
    }

    static string? ReadDeclaredEncoding(byte[] body, Encoding? bomEncoding, int bomLength)
    {
        var length = Math.Min(body.Length - bomLength, bomEncoding is null or UTF8Encoding ? 512 : 1024);
        var head = bomEncoding is null or UTF8Encoding ? Encoding.Latin1.GetString(body, bomLength, length) : bomEncoding.GetString(body, bomLength, length);
        var match = DeclarationEncoding().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    static string CleanText(string text, List<string> repairs)
    {
        text = text.TrimStart('\uFEFF');
        var trimmed = text.TrimStart();
        if (trimmed.Length != text.Length && trimmed.StartsWith("<?xml", StringComparison.Ordinal))
        {
            repairs.Add("text before the XML declaration was dropped");
            text = trimmed;
        }
        var builder = new StringBuilder(text.Length);
        var dropped = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (IsXmlChar(c)) builder.Append(c);
            else dropped++;
        }
        if (dropped > 0) repairs.Add($"dropped {dropped} characters that XML does not allow");
        // The text is already decoded; a leftover encoding label would only confuse the XML reader.
        return DeclarationEncodingAttribute().Replace(builder.ToString(), "$1", 1);
    }

    static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);

    static string? Normalize(string? name)
    {
        var trimmed = name?.Trim().Trim('"', '\'').ToLowerInvariant();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    static bool IsUtf8(string name) => name is "utf-8" or "utf8" or "us-ascii" or "ascii";

    static Encoding? Lookup(string name)
    {
        // Browsers read Latin-1 labels as windows-1252, and real feeds rely on it for curly quotes.
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii") return Encoding.GetEncoding(1252);
        try { return Encoding.GetEncoding(name); }
        catch (ArgumentException) { return null; }
    }

    static bool SameFamily(string declared, Encoding bom)
    {
        var name = declared.ToLowerInvariant();
        return bom switch
        {
            UTF8Encoding => IsUtf8(name),
            UnicodeEncoding => name.StartsWith("utf-16", StringComparison.Ordinal) || name is "unicode" or "ucs-2",
            UTF32Encoding => name.StartsWith("utf-32", StringComparison.Ordinal) || name == "ucs-4",
            _ => true,
        };
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")]
    private static partial Regex DeclarationEncoding();

    [GeneratedRegex("""^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""")]
    private static partial Regex DeclarationEncodingAttribute();
}
