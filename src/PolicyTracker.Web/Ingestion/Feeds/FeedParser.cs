namespace PolicyTracker.Web.Ingestion.Feeds;

/// <summary>Entry point: tells feeds from other documents and parses RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 tolerantly.</summary>
public static class FeedParser
{
    static readonly string[] FeedMediaTypes = ["application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/rss", "application/x-rss+xml", "application/x-atom+xml"];

    /// <summary>True when the media type is a feed type or the document's root element is rss, feed or rdf:RDF.</summary>
    public static bool LooksLikeFeed(ReadOnlySpan<byte> body, string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not null && FeedMediaTypes.Contains(mediaType)) return true;
        var root = FeedSniffer.RootElementName(body);
        return root is not null && FeedXml.IsFeedRoot(root);
    }

    /// <summary>Parses a feed; throws <see cref="FeedFormatException"/> when the document is not a feed at all.</summary>
    /// <param name="body">The raw bytes as fetched.</param>
    /// <param name="headerCharset">The charset parameter of the HTTP Content-Type, if any.</param>
    /// <param name="baseUri">The URL the feed was fetched from, against which relative links resolve.</param>
    public static FeedDocument Parse(byte[] body, string? headerCharset, Uri? baseUri)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return ParseUnguarded(body, headerCharset, baseUri);
        }
        catch (Exception e) when (e is not (FeedFormatException or OutOfMemoryException))
        {
            // A reader bug must not take the caller down with it; the message names what went wrong.
            throw new FeedFormatException($"the document could not be read: {e.GetType().Name}: {e.Message}");
        }
    }

    static FeedDocument ParseUnguarded(byte[] body, string? headerCharset, Uri? baseUri)
    {
        var repairs = new List<string>();
        var text = FeedDecoder.Decode(body, headerCharset, repairs);
        if (string.IsNullOrWhiteSpace(text)) throw new FeedFormatException("the document is empty");

        var root = FeedXml.Load(text, repairs) ?? throw new FeedFormatException("the document contains no XML elements, so it is not a feed");
        var name = root.Name.LocalName;
        if (!FeedXml.IsFeedRoot(name))
        {
            var html = name.Equals("html", StringComparison.OrdinalIgnoreCase) ? " (this is an HTML page, not a feed)" : "";
            throw new FeedFormatException($"the root element is <{name}>, not <rss>, <rdf:RDF> or <feed>{html}");
        }

        var document = name.Equals("feed", StringComparison.OrdinalIgnoreCase) ? AtomReader.Read(root, baseUri) : RssReader.Read(root, baseUri);
        return document with { Repairs = repairs };
    }
}
