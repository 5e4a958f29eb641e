namespace PolicyTracker.Web.Ingestion.Fetching;

/// <summary>A page or feed read by <see cref="SafeFetcher"/>: raw bytes, decoded text and what a snapshot keeps.</summary>
/// <param name="RequestedUrl">The address asked for.</param>
/// <param name="FinalUrl">The address that answered, after redirects.</param>
/// <param name="StatusCode">The final HTTP status (2xx, or 304 when <paramref name="NotModified"/>).</param>
/// <param name="MediaType">Declared media type in lower case, or the sniffed one when none (or octet-stream) was declared.</param>
/// <param name="Charset">The encoding used to decode <paramref name="Text"/> (e.g. <c>utf-8</c>); null when not modified.</param>
/// <param name="Body">The decompressed body bytes; empty when not modified.</param>
/// <param name="Text">The body decoded with <paramref name="Charset"/>, without a byte order mark.</param>
/// <param name="Headers">The headers worth keeping, lower-case names, repeated values joined by ", ".</param>
/// <param name="FetchedAt">When the response arrived, UTC.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of <paramref name="Body"/>.</param>
/// <param name="ETag">The response's <c>ETag</c>, to send next time in <see cref="FetchConditions"/>.</param>
/// <param name="LastModified">The response's <c>Last-Modified</c>, to send next time in <see cref="FetchConditions"/>.</param>
/// <param name="NotModified">True when the server answered 304 to the conditions sent.</param>
/// <param name="RetryAfter">The server's <c>Retry-After</c>, when it sent one.</param>
public sealed record FetchedResponse(
    Uri RequestedUrl,
    Uri FinalUrl,
    int StatusCode,
    string? MediaType,
    string? Charset,
    byte[] Body,
    string Text,
    IReadOnlyDictionary<string, string> Headers,
    DateTime FetchedAt,
    string Sha256,
    string? ETag,
    string? LastModified,
    bool NotModified,
    TimeSpan? RetryAfter);
