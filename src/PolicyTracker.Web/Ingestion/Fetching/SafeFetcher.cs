using System.Net;
using PolicyTracker.Web.Infrastructure;

namespace PolicyTracker.Web.Ingestion.Fetching;

/// <summary>
/// Fetches pages and feeds from addresses that come from outside (feeds, users), so it refuses to reach
/// private networks, bounds time and size, and keeps to text. One instance is shared by the whole app.
/// </summary>
public sealed partial class SafeFetcher : IDisposable
{
    /// <summary>Sent with every request so publishers can tell who is reading.</summary>
    public const string UserAgent = "PolicyTracker/1.0 (+news and policy tracker; feeds and pages)";

    /// <summary>Redirects followed before giving up with <see cref="FetchFailure.TooManyRedirects"/>.</summary>
    public const int MaxRedirects = 5;

    const string Accept = "text/html, application/xhtml+xml;q=0.9, application/rss+xml;q=0.9, application/atom+xml;q=0.9, "
        + "application/feed+json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.5, text/plain;q=0.5, "
        + "text/markdown;q=0.5, */*;q=0.1";

    static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);
    static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    readonly HttpClient client;
    readonly HostAllowList allowList;
    readonly long maxBytes;
    readonly TimeProvider time;
    readonly TimeSpan requestTimeout;

    /// <summary>A fetcher with its own connection pool; timeouts default to 10 s to connect and 30 s in all.</summary>
    public SafeFetcher(FetchSettings settings, TimeProvider? time = null, TimeSpan? connectTimeout = null, TimeSpan? requestTimeout = null)
        : this(settings, time, connectTimeout, requestTimeout, resolver: null)
    {
    }

    // Tests pass a resolver so host names (and rebinding) can be exercised without DNS.
    internal SafeFetcher(FetchSettings settings, TimeProvider? time, TimeSpan? connectTimeout, TimeSpan? requestTimeout, HostResolver? resolver)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.MaxResponseBytes);
        allowList = new HostAllowList(settings.AllowedHosts);
        maxBytes = settings.MaxResponseBytes;
        this.time = time ?? TimeProvider.System;
        this.requestTimeout = requestTimeout ?? DefaultRequestTimeout;
        var handler = new SocketsHttpHandler
        {
            // Every hop is checked here, so the handler must neither redirect nor go through a proxy on its own.
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            Credentials = null,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            ConnectTimeout = connectTimeout ?? DefaultConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = new GuardedConnector(allowList, resolver).ConnectAsync,
        };
        // The deadline is ours (it covers redirects and the body), not HttpClient's.
        client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// GETs <paramref name="url"/>, following up to <see cref="MaxRedirects"/> redirects; throws
    /// <see cref="FetchException"/> for every failure except cancellation through <paramref name="ct"/>.
    /// </summary>
    public async Task<FetchedResponse> FetchAsync(Uri url, FetchConditions? conditions = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var deadline = new CancellationTokenSource(requestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            return await FollowAsync(url, conditions, linked.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw TimedOut(url, e);
        }
        catch (HttpRequestException e)
        {
            throw Translate(url, e, ct);
        }
        catch (IOException e)
        {
            throw new FetchException(FetchFailure.ConnectionFailed, $"The connection for {url} broke: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            // A gzip, deflate or brotli stream that does not decompress: the transfer is unusable.
            throw new FetchException(FetchFailure.ConnectionFailed, $"The compressed body of {url} is corrupt: {e.Message}", e);
        }
    }

    /// <summary>Closes pooled connections.</summary>
    public void Dispose() => client.Dispose();

    async Task<FetchedResponse> FollowAsync(Uri url, FetchConditions? conditions, CancellationToken ct)
    {
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            CheckAddress(current);
            using var request = BuildRequest(current, conditions);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (RedirectTarget(response, current) is not { } next)
                return await CompleteAsync(url, current, response, conditions, ct);
            if (redirects == MaxRedirects)
                throw new FetchException(FetchFailure.TooManyRedirects, $"{url} redirected more than {MaxRedirects} times (last to {next}).");
            current = next;
        }
    }

    /// <summary>Scheme, then literal IP addresses, which can be judged before any connection is attempted.</summary>
    void CheckAddress(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
            throw new FetchException(FetchFailure.InvalidAddress, $"'{url.OriginalString}' is not an absolute http or https address.");
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(url.DnsSafeHost, out var ip)
            && !AddressClassifier.IsPublic(ip)
            && !allowList.Allows(url.Host, url.Port))
        {
            throw new FetchException(FetchFailure.RefusedAddress,
                $"Refused {url.Host}:{url.Port}: {ip} is not a public address and is not in Fetch:AllowedHosts.");
        }
    }

    static HttpRequestMessage BuildRequest(Uri url, FetchConditions? conditions)
    {
        // HTTP/3 runs over QUIC, which never goes through ConnectCallback; never upgrade to it.
        var request = new HttpRequestMessage(HttpMethod.Get, url)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", Accept);
        // Validators go back exactly as the server sent them.
        if (!string.IsNullOrEmpty(conditions?.ETag)) request.Headers.TryAddWithoutValidation("If-None-Match", conditions.ETag);
        if (!string.IsNullOrEmpty(conditions?.LastModified)) request.Headers.TryAddWithoutValidation("If-Modified-Since", conditions.LastModified);
        return request;
    }

    static Uri? RedirectTarget(HttpResponseMessage response, Uri current)
    {
        if ((int)response.StatusCode is not (301 or 302 or 303 or 307 or 308)) return null;
        if (!response.Headers.NonValidated.TryGetValues("location", out var values)) return null;
        // A Location that is not a URL at all is as bad as a redirect to a non-http scheme.
        return Uri.TryCreate(current, values.ToString().Trim(), out var next)
            ? next
            : throw new FetchException(FetchFailure.InvalidAddress, $"{current} redirected to an unreadable address '{values}'.");
    }

    static FetchException TimedOut(Uri url, Exception e) => e.InnerException is TimeoutException
        ? new(FetchFailure.Timeout, $"Connecting for {url} timed out.", e)
        : new(FetchFailure.Timeout, $"Fetching {url} timed out.", e);

    static FetchException Translate(Uri url, HttpRequestException e, CancellationToken ct)
    {
        // The connect callback's own verdict (refused, DNS) arrives wrapped by the handler.
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is FetchException fetch) return fetch;
            if (inner is OperationCanceledException or TimeoutException && !ct.IsCancellationRequested) return TimedOut(url, e);
        }
        return new FetchException(FetchFailure.ConnectionFailed, $"Fetching {url} failed: {e.Message}", e);
    }
}
