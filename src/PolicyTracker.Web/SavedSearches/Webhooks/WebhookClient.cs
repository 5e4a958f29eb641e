using System.Net;
using System.Security.Cryptography;
using System.Text;
using PolicyTracker.Web.Infrastructure;
using PolicyTracker.Web.Ingestion.Fetching;

namespace PolicyTracker.Web.SavedSearches.Webhooks;

/// <summary>
/// Posts webhook bodies under the same address rules as fetching: only http(s), and no private,
/// loopback or link-local address unless the host is in <c>Fetch:AllowedHosts</c>; checked when
/// a webhook is saved and again at every connection (which defeats DNS rebinding). Redirects
/// are not followed. One instance for the app; it owns its connection pool.
/// </summary>
public sealed class WebhookClient : IDisposable
{
    /// <summary>Header carrying <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body, keyed with the secret.</summary>
    public const string SignatureHeader = "X-PolicyTracker-Signature";
    /// <summary>Header carrying the delivery's number, the same on every retry.</summary>
    public const string DeliveryHeader = "X-PolicyTracker-Delivery";
    /// <summary>Header carrying the event name.</summary>
    public const string EventHeader = "X-PolicyTracker-Event";

    readonly GuardedConnector connector;
    readonly HttpClient client;

    public WebhookClient(FetchSettings settings)
    {
        connector = new GuardedConnector(new HostAllowList(settings.AllowedHosts));
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = connector.ConnectAsync,
        };
        client = new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(15) };
    }

    /// <summary>Null when <paramref name="url"/> may receive webhooks, otherwise a message saying why not.</summary>
    public async Task<string?> CheckAsync(string url, CancellationToken ct)
    {
        if (url.Length > 2048) return "The webhook address is longer than 2048 characters.";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
            return "The webhook address must be an absolute http or https address.";
        if (uri.UserInfo.Length > 0) return "The webhook address must not carry a user name or password.";
        try
        {
            await connector.PermittedAddressesAsync(uri.Host, uri.Port, ct);
            return null;
        }
        catch (FetchException e)
        {
            return e.Message;
        }
    }

    /// <summary>The signature header value for <paramref name="body"/>.</summary>
    public static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>POSTs one delivery; returns the status code, or an error when it did not succeed.</summary>
    public async Task<(int? Status, string? Error)> PostAsync(string url, string body, string secret, long deliveryId, CancellationToken ct)
    {
        if (await CheckAsync(url, ct) is { } refused) return (null, refused);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", SafeFetcher.UserAgent);
        request.Headers.TryAddWithoutValidation(SignatureHeader, Sign(body, secret));
        request.Headers.TryAddWithoutValidation(DeliveryHeader, deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(EventHeader, "savedSearchMatched");
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (status, null) : (status, $"The receiver answered HTTP {status} {response.ReasonPhrase}.");
        }
        catch (HttpRequestException e)
        {
            for (Exception? inner = e; inner is not null; inner = inner.InnerException)
                if (inner is FetchException fetch) return (null, fetch.Message);
            return (null, $"Posting failed: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, "The receiver did not answer within 15 seconds.");
        }
    }

    public void Dispose() => client.Dispose();
}
