using System.Security.Cryptography;
using System.Text;
using PolicyTracker.Web.Ingestion.Fetching;

namespace PolicyTracker.Tests.Ingestion.Fetching;

/// <summary>Pages, feeds and refusals of what is not text, fetched from a real loopback server.</summary>
public sealed class SafeFetcherContentTests(FetchTestServer server) : IClassFixture<FetchTestServer>
{
    async Task<FetchedResponse> Fetch(string path, long maxBytes = 256 * 1024)
    {
        using var fetcher = server.Fetcher(maxBytes);
        return await fetcher.FetchAsync(server.Url(path));
    }

    async Task<FetchException> Fails(string path, FetchFailure kind, long maxBytes = 256 * 1024)
    {
        var e = await Assert.ThrowsAsync<FetchException>(() => Fetch(path, maxBytes));
        Assert.Equal(kind, e.Kind);
        return e;
    }

    [Fact]
    public async Task A_UTF8_page_is_decoded_and_described()
    {
        var page = await Fetch("/utf8");
        Assert.Equal(200, page.StatusCode);
        Assert.Equal(("text/html", "utf-8"), (page.MediaType, page.Charset));
        Assert.Equal(FetchRoutes.Utf8Page, page.Text);
        Assert.Equal(server.Url("/utf8"), page.FinalUrl);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(page.Body)), page.Sha256);
        Assert.Equal(Encoding.UTF8.GetBytes(FetchRoutes.Utf8Page), page.Body);
        Assert.False(page.NotModified);
    }

    [Fact]
    public async Task A_windows_1252_page_is_decoded_by_its_meta_charset()
    {
        var page = await Fetch("/cp1252");
        Assert.Equal("windows-1252", page.Charset);
        Assert.Equal(FetchRoutes.Cp1252Page, page.Text);
    }

    [Fact]
    public async Task A_byte_order_mark_wins_and_is_not_part_of_the_text()
    {
        var page = await Fetch("/bom");
        Assert.Equal("utf-8", page.Charset);
        Assert.Equal(FetchRoutes.BomPage, page.Text);
    }

    [Fact]
    public async Task A_feed_is_fetched()
    {
        var feed = await Fetch("/feed.xml");
        Assert.Equal("application/rss+xml", feed.MediaType);
        Assert.Contains("<title>EU AI Act</title>", feed.Text);
    }

    [Theory]
    [InlineData("/gzip")]
    [InlineData("/br")]
    public async Task Compressed_bodies_are_decompressed(string path)
    {
        var page = await Fetch(path);
        Assert.Equal(FetchRoutes.Utf8Page, page.Text);
        Assert.Equal(Encoding.UTF8.GetBytes(FetchRoutes.Utf8Page), page.Body);
    }

    [Fact]
    public async Task A_corrupt_compressed_body_fails_as_a_broken_connection() => await Fails("/bad-gzip", FetchFailure.ConnectionFailed);

    [Fact]
    public async Task Untyped_markup_is_sniffed_as_HTML() => Assert.Equal("text/html", (await Fetch("/untyped-html")).MediaType);

    [Fact]
    public async Task Octet_stream_that_is_text_is_accepted_as_text()
    {
        var text = await Fetch("/octet-text");
        Assert.Equal(("text/plain", "just some words"), (text.MediaType, text.Text));
    }

    [Theory]
    [InlineData("/image.png", "image/png")]
    [InlineData("/doc.pdf", "application/pdf")]
    public async Task Declared_binary_types_are_refused_naming_the_type(string path, string type) =>
        Assert.Contains(type, (await Fails(path, FetchFailure.UnsupportedContentType)).Message);

    [Fact]
    public async Task Untyped_binary_is_refused() => await Fails("/untyped-png", FetchFailure.UnsupportedContentType);

    [Fact]
    public async Task Text_with_NUL_bytes_is_refused() => await Fails("/nul-text", FetchFailure.UnsupportedContentType);

    [Theory]
    [InlineData("/empty")]
    [InlineData("/no-content")]
    public async Task An_empty_success_is_a_failure(string path) => await Fails(path, FetchFailure.Empty);

    [Fact]
    public async Task A_chunked_body_past_the_limit_is_cut_off() => await Fails("/big-chunked", FetchFailure.TooLarge);

    [Fact]
    public async Task A_declared_length_past_the_limit_is_refused_before_reading() =>
        Assert.Contains("declares", (await Fails("/big-declared", FetchFailure.TooLarge)).Message);

    [Fact]
    public async Task The_limit_applies_to_the_decompressed_body() => await Fails("/gzip-bomb", FetchFailure.TooLarge);

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_accepted() =>
        Assert.Equal(FetchRoutes.Utf8Page, (await Fetch("/utf8", Encoding.UTF8.GetByteCount(FetchRoutes.Utf8Page))).Text);

    [Fact]
    public async Task Identifying_headers_are_sent_and_useful_response_headers_kept()
    {
        var echo = await Fetch("/echo");
        Assert.Contains($"ua={SafeFetcher.UserAgent}\n", echo.Text);
        Assert.Contains("accept=text/html, application/xhtml+xml", echo.Text);
        Assert.Contains("application/rss+xml", echo.Text);
        foreach (var encoding in new[] { "gzip", "deflate", "br" }) Assert.Contains(encoding, echo.Text.Split('\n')[2]);

        Assert.Equal("noindex", echo.Headers["x-robots-tag"]);
        Assert.Equal("mode=none", echo.Headers["ai-disclosure"]);
        Assert.Equal("en", echo.Headers["content-language"]);
        Assert.Equal("<https://policy.example/a>; rel=\"canonical\"", echo.Headers["link"]);
        Assert.Equal("text/plain; charset=utf-8", echo.Headers["content-type"]);
        Assert.True(echo.Headers.ContainsKey("date"));
        Assert.False(echo.Headers.ContainsKey("x-internal"));
        Assert.False(echo.Headers.ContainsKey("server"));
    }

    [Fact]
    public async Task Fetched_at_comes_from_the_time_provider()
    {
        var now = new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);
        using var fetcher = server.Fetcher(time: new FixedTime(now));
        Assert.Equal(now.UtcDateTime, (await fetcher.FetchAsync(server.Url("/utf8"))).FetchedAt);
    }

    sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
