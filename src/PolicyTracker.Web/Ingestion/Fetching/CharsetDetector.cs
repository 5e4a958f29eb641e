using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace PolicyTracker.Web.Ingestion.Fetching;

/// <summary>Text decoded from a body, and the encoding that was used.</summary>
internal sealed record DecodedText(string Text, string Charset);

/// <summary>
/// Picks a body's encoding: byte order mark, then the Content-Type charset, then a meta tag or the XML
/// declaration in the first 2 KB, then UTF-8 when the bytes are valid UTF-8, else windows-1252.
/// </summary>
internal static partial class CharsetDetector
{
    const int SniffBytes = 2048;

    // Registers windows-1252 and the other legacy code pages .NET Core leaves out by default.
    static CharsetDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="body"/>, honouring <paramref name="declaredCharset"/> from Content-Type if usable.</summary>
    public static DecodedText Decode(byte[] body, string? declaredCharset)
    {
        var (encoding, bomLength) = Detect(body, declaredCharset);
        return new DecodedText(encoding.GetString(body, bomLength, body.Length - bomLength), encoding.WebName);
    }

    /// <summary>True when the body is UTF-16 or UTF-32 by its BOM or declared charset, so NUL bytes are expected.</summary>
    public static bool IsWide(ReadOnlySpan<byte> body, string? declaredCharset) =>
        Bom(body) is { Encoding: var e } ? IsWide(e) : Lookup(declaredCharset) is { } declared && IsWide(declared);

    static (Encoding Encoding, int BomLength) Detect(byte[] body, string? declaredCharset)
    {
        if (Bom(body) is { } bom) return bom;
        if (Lookup(declaredCharset) is { } declared) return (declared, 0);

        var head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, SniffBytes));
        // A page cannot be UTF-16 without a BOM: the meta tag was read as ASCII, so it lies (WHATWG says the same).
        foreach (var regex in new[] { MetaCharset(), XmlEncoding() })
        {
            if (regex.Match(head) is { Success: true } m && Lookup(m.Groups[1].Value) is { } named && !IsWide(named))
                return (named, 0);
        }
        return (Utf8.IsValid(body) ? Utf8Strict : Windows1252, 0);
    }

    static (Encoding Encoding, int BomLength)? Bom(ReadOnlySpan<byte> body) => body switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Utf8Strict, 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: true), 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => null,
    };

    /// <summary>The encoding a label names, or null when .NET does not know it or it is unsafe.</summary>
    internal static Encoding? Lookup(string? label)
    {
        var name = label?.Trim().Trim('"', '\'').ToLowerInvariant();
        if (string.IsNullOrEmpty(name)) return null;
        // Browsers decode these labels as windows-1252, a superset; servers mean it that way.
        if (name is "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso_8859-1" or "cp819")
            return Windows1252;
        // UTF-7 can smuggle markup past filters; no page legitimately uses it.
        if (name is "utf-7" or "utf7" or "unicode-1-1-utf-7" or "csunicode11utf7") return null;
        try
        {
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == Encoding.UTF8.CodePage ? Utf8Strict : encoding;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    static bool IsWide(Encoding encoding) => encoding.CodePage is 1200 or 1201 or 12000 or 12001;

    // UTF8Encoding(false) so GetString neither expects nor emits a BOM; invalid bytes become U+FFFD.
    static readonly Encoding Utf8Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    static Encoding Windows1252 => Encoding.GetEncoding(1252);

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncoding();
}
