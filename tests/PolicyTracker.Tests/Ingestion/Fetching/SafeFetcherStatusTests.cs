using System.Diagnostics;
using PolicyTracker.Web.Ingestion.Fetching;

namespace PolicyTracker.Tests.Ingestion.Fetching;

/// <summary>Statuses, conditional requests, redirects and timeouts against a real loopback server.</summary>
public sealed class SafeFetcherStatusTests(FetchTestServer server) : IClassFixture<FetchTestServer>
{
    async Task<FetchException> Fails(string path, FetchFailure kind, TimeSpan? requestTimeout = null)
    {
        using var fetcher = server.Fetcher(requestTimeout: requestTimeout);
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url(path)));
        Assert.Equal(kind, e.Kind);
        return e;
    }

    [Fact]
    public async Task Not_found_is_an_HTTP_error_with_its_status()
    {
        var e = await Fails("/missing", FetchFailure.HttpError);
        Assert.Equal(404, e.StatusCode);
        Assert.Null(e.RetryAfter);
    }

    [Fact]
    public async Task Service_unavailable_carries_retry_after_seconds()
    {
        var e = await Fails("/busy", FetchFailure.HttpError);
        Assert.Equal((503, TimeSpan.FromSeconds(120)), (e.StatusCode, e.RetryAfter));
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after_from_an_HTTP_date()
    {
        var e = await Fails("/throttled", FetchFailure.HttpError);
        Assert.Equal(429, e.StatusCode);
        Assert.InRange(e.RetryAfter!.Value.TotalSeconds, 80, 91);
    }

    [Fact]
    public async Task A_matching_etag_gets_not_modified_with_an_empty_body()
    {
        using var fetcher = server.Fetcher();
        var first = await fetcher.FetchAsync(server.Url("/etag"));
        Assert.Equal(("\"v1\"", "Tue, 01 Sep 2026 10:00:00 GMT", "version one"), (first.ETag, first.LastModified, first.Text));

        var second = await fetcher.FetchAsync(server.Url("/etag"), new FetchConditions(first.ETag, first.LastModified));
        Assert.True(second.NotModified);
        Assert.Equal(304, second.StatusCode);
        Assert.Empty(second.Body);
        Assert.Equal("", second.Text);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([])), second.Sha256);
    }

    [Fact]
    public async Task A_stale_etag_gets_the_body()
    {
        using var fetcher = server.Fetcher();
        var page = await fetcher.FetchAsync(server.Url("/etag"), new FetchConditions("\"v0\"", null));
        Assert.False(page.NotModified);
        Assert.Equal("version one", page.Text);
    }

    [Fact]
    public async Task A_chain_of_relative_redirects_is_followed_up_to_five()
    {
        using var fetcher = server.Fetcher();
        var page = await fetcher.FetchAsync(server.Url("/redirect/5"));
        Assert.Equal(("landed", server.Url("/redirect/0"), server.Url("/redirect/5")), (page.Text, page.FinalUrl, page.RequestedUrl));
    }

    [Theory]
    [InlineData("/redirect/6")]
    [InlineData("/loop")]
    public async Task More_than_five_redirects_fail(string path) => await Fails(path, FetchFailure.TooManyRedirects);

    [Fact]
    public async Task A_redirect_without_location_is_an_HTTP_error() =>
        Assert.Equal(302, (await Fails("/no-location", FetchFailure.HttpError)).StatusCode);

    [Fact]
    public async Task The_whole_request_times_out()
    {
        var clock = Stopwatch.StartNew();
        await Fails("/slow", FetchFailure.Timeout, TimeSpan.FromMilliseconds(400));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_body_that_stalls_times_out() => await Fails("/slow-body", FetchFailure.Timeout, TimeSpan.FromMilliseconds(400));

    [Fact]
    public async Task Cancelling_is_not_a_fetch_failure()
    {
        using var fetcher = server.Fetcher();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetcher.FetchAsync(server.Url("/slow"), ct: cts.Token));
    }
}
