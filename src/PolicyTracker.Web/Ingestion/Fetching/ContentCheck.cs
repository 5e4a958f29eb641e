using System.Text;

namespace PolicyTracker.Web.Ingestion.Fetching;

/// <summary>Keeps the fetcher to pages, feeds and text: declared types are checked first, then the bytes.</summary>
internal static class ContentCheck
{
    static readonly HashSet<string> Accepted = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "text/xml", "application/xml",
        "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
        "application/json", "text/plain", "text/markdown",
        "application/x-rss+xml", // older feed servers still send it
    };

    // What servers send when they do not know; the bytes decide.
    const string Unknown = "application/octet-stream";

    static readonly byte[][] BinarySignatures =
    [
        [0x89, (byte)'P', (byte)'N', (byte)'G'], "GIF8"u8.ToArray(), [0xFF, 0xD8, 0xFF], "%PDF"u8.ToArray(),
        [(byte)'P', (byte)'K', 3, 4], [0x1F, 0x8B], "RIFF"u8.ToArray(), [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C],
        "Rar!"u8.ToArray(), "wOFF"u8.ToArray(), "wOF2"u8.ToArray(), [0x7F, (byte)'E', (byte)'L', (byte)'F'],
    ];

    /// <summary>Before reading: refuses a declared type that is neither accepted nor unknown.</summary>
    public static void CheckDeclared(string? mediaType)
    {
        if (mediaType is null || IsUnknown(mediaType) || Accepted.Contains(mediaType)) return;
        throw Unsupported($"The response is {mediaType}, not a page, feed or text.");
    }

    /// <summary>After reading: the media type to report, or throws when the bytes are binary (<paramref name="wide"/>: UTF-16/32, where NULs are ordinary).</summary>
    public static string CheckBody(string? mediaType, ReadOnlySpan<byte> body, bool wide)
    {
        var head = body[..Math.Min(body.Length, 1024)];
        if (mediaType is not null && !IsUnknown(mediaType))
        {
            if (!wide && head.Contains((byte)0))
                throw Unsupported($"The response is declared {mediaType} but holds binary (NUL) bytes.");
            return mediaType;
        }
        if (!wide && LooksBinary(head))
            throw Unsupported($"The response ({mediaType ?? "no content type"}) is binary, not a page, feed or text.");
        return Sniff(head, wide);
    }

    static bool IsUnknown(string mediaType) => mediaType.Equals(Unknown, StringComparison.OrdinalIgnoreCase);

    static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        foreach (var signature in BinarySignatures)
        {
            if (head.StartsWith(signature)) return true;
        }
        // Text has no control characters other than tab, newlines, form feed and escape.
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B)) return true;
        }
        return false;
    }

    // Enough to tell parsers apart; precise typing is the declared type's job.
    static string Sniff(ReadOnlySpan<byte> head, bool wide)
    {
        // Latin-1 keeps byte offsets; a UTF-8 BOM then reads as "ï»¿", trimmed with the whitespace.
        var text = (wide ? CharsetDetector.Decode(head.ToArray(), null).Text : Encoding.Latin1.GetString(head))
            .TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('{') || text.StartsWith('[')) return "application/json";
        if (!text.StartsWith('<')) return "text/plain";
        if (text.Contains("<rss", StringComparison.OrdinalIgnoreCase)) return "application/rss+xml";
        if (text.Contains("<feed", StringComparison.OrdinalIgnoreCase)) return "application/atom+xml";
        if (text.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase)) return "application/rdf+xml";
        if (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && !text.Contains("<html", StringComparison.OrdinalIgnoreCase))
            return "application/xml";
        return "text/html";
    }

    static FetchException Unsupported(string message) => new(FetchFailure.UnsupportedContentType, message);
}
