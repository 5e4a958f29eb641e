using System.Security.Cryptography;

namespace PolicyTracker.Web.Ingestion.Fetching;

// The final (non-redirect) response: status, size and type checks, then decoding.
public sealed partial class SafeFetcher
{
    async Task<FetchedResponse> CompleteAsync(Uri requested, Uri final, HttpResponseMessage response, FetchConditions? conditions, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var now = time.GetUtcNow();
        var headers = ResponseHeaders.Pick(response);
        var retryAfter = ResponseHeaders.RetryAfter(response, now);
        var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();

        if (status == 304 && conditions is not null)
        {
            // Servers may omit validators on 304; the ones sent still describe what the caller holds.
            return new FetchedResponse(requested, final, status, mediaType, null, [], "", headers, now.UtcDateTime, Sha256([]),
                headers.GetValueOrDefault("etag") ?? conditions.ETag, headers.GetValueOrDefault("last-modified") ?? conditions.LastModified,
                NotModified: true, retryAfter);
        }
        if (status is < 200 or > 299)
        {
            throw new FetchException(FetchFailure.HttpError, $"{final} answered {status}{(response.ReasonPhrase is { Length: > 0 } r ? " " + r : "")}.",
                status, status is 429 or 503 ? retryAfter : null);
        }

        ContentCheck.CheckDeclared(mediaType);
        var body = await BoundedBody.ReadAsync(response.Content, maxBytes, ct);
        if (body.Length == 0) throw new FetchException(FetchFailure.Empty, $"{final} answered {status} with an empty body.", status);

        var declaredCharset = response.Content.Headers.ContentType?.CharSet;
        var reportedType = ContentCheck.CheckBody(mediaType, body, CharsetDetector.IsWide(body, declaredCharset));
        var decoded = CharsetDetector.Decode(body, declaredCharset);
        return new FetchedResponse(requested, final, status, reportedType, decoded.Charset, body, decoded.Text, headers,
            time.GetUtcNow().UtcDateTime, Sha256(body), headers.GetValueOrDefault("etag"), headers.GetValueOrDefault("last-modified"),
            NotModified: false, retryAfter);
    }

    static string Sha256(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));
}
