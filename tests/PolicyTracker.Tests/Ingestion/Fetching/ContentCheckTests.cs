using System.Text;
using PolicyTracker.Web.Ingestion.Fetching;

namespace PolicyTracker.Tests.Ingestion.Fetching;

public sealed class ContentCheckTests
{
    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xhtml+xml")]
    [InlineData("application/atom+xml")]
    [InlineData("application/feed+json")]
    [InlineData("text/markdown")]
    [InlineData("application/octet-stream")]
    [InlineData(null)]
    public void Pages_feeds_text_and_unknown_types_pass_before_reading(string? type) => ContentCheck.CheckDeclared(type);

    [Theory]
    [InlineData("image/png")]
    [InlineData("application/pdf")]
    [InlineData("application/zip")]
    [InlineData("video/mp4")]
    [InlineData("text/css")]
    public void Other_declared_types_are_refused_naming_the_type(string type)
    {
        var e = Assert.Throws<FetchException>(() => ContentCheck.CheckDeclared(type));
        Assert.Equal(FetchFailure.UnsupportedContentType, e.Kind);
        Assert.Contains(type, e.Message);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html>", "text/html")]
    [InlineData("\n  <html><body>", "text/html")]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\">", "application/rss+xml")]
    [InlineData("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">", "application/atom+xml")]
    [InlineData("<?xml version=\"1.0\"?><note/>", "application/xml")]
    [InlineData("{\"version\": \"https://jsonfeed.org/version/1.1\"}", "application/json")]
    [InlineData("Plain words.", "text/plain")]
    public void Untyped_text_is_sniffed(string body, string expected) =>
        Assert.Equal(expected, ContentCheck.CheckBody(null, Encoding.UTF8.GetBytes(body), wide: false));

    [Fact]
    public void Untyped_binary_is_refused()
    {
        foreach (var body in new byte[][] { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "%PDF-1.4"u8.ToArray(), [0x50, 0x4B, 3, 4, 20], [1, 2, 3] })
        {
            var e = Assert.Throws<FetchException>(() => ContentCheck.CheckBody("application/octet-stream", body, wide: false));
            Assert.Equal(FetchFailure.UnsupportedContentType, e.Kind);
        }
    }

    [Fact]
    public void Declared_text_with_NUL_bytes_is_refused_unless_UTF16()
    {
        var e = Assert.Throws<FetchException>(() => ContentCheck.CheckBody("text/html", "<p>\0</p>"u8, wide: false));
        Assert.Contains("text/html", e.Message);
        Assert.Equal("text/html", ContentCheck.CheckBody("text/html", Encoding.Unicode.GetBytes("<p>x</p>"), wide: true));
    }

    [Fact]
    public void Retry_after_reads_seconds_and_dates()
    {
        var now = new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(120), ResponseHeaders.ParseRetryAfter("120", now));
        Assert.Equal(TimeSpan.FromMinutes(5), ResponseHeaders.ParseRetryAfter("Tue, 01 Sep 2026 10:05:00 GMT", now));
        Assert.Equal(TimeSpan.Zero, ResponseHeaders.ParseRetryAfter("Tue, 01 Sep 2026 09:00:00 GMT", now));
        Assert.Null(ResponseHeaders.ParseRetryAfter("soon", now));
        Assert.Null(ResponseHeaders.ParseRetryAfter("-5", now));
    }
}
