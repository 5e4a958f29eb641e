namespace PolicyTracker.Web.Ingestion.Fetching;

/// <summary>Why a fetch failed, so callers can decide whether to retry, back off or give up.</summary>
public enum FetchFailure
{
    /// <summary>Not an absolute http or https address (also a redirect to one).</summary>
    InvalidAddress,

    /// <summary>The host is, or resolves only to, a private, loopback or otherwise non-public address.</summary>
    RefusedAddress,

    /// <summary>The host name did not resolve.</summary>
    DnsFailure,

    /// <summary>No connection could be made, or it broke while reading.</summary>
    ConnectionFailed,

    /// <summary>Connecting or the whole request took too long.</summary>
    Timeout,

    /// <summary>More redirects than the fetcher follows.</summary>
    TooManyRedirects,

    /// <summary>The (decompressed) body is larger than the configured limit.</summary>
    TooLarge,

    /// <summary>The body is not a page, feed or text (an image, a PDF, an archive...).</summary>
    UnsupportedContentType,

    /// <summary>The server answered with an error status; see <see cref="FetchException.StatusCode"/>.</summary>
    HttpError,

    /// <summary>The server answered success with no body.</summary>
    Empty,
}
