using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Tests.Ingestion;

public sealed class UrlNormalizerTests
{
    [Theory]
    [InlineData("https://News.Example/a/b/?utm_source=x&id=3&fbclid=1#frag", "https://news.example/a/b?id=3")]
    [InlineData("http://news.example:80/", "http://news.example")]
    [InlineData("https://news.example/a?b=2&a=1", "https://news.example/a?a=1&b=2")]
    [InlineData("https://news.example:8443/x", "https://news.example:8443/x")]
    public void Canonical_form_drops_what_does_not_identify_the_page(string url, string expected) =>
        Assert.Equal(expected, UrlNormalizer.Canonical(url));

    [Theory]
    [InlineData("ftp://news.example/x")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public void Only_absolute_http_addresses_count(string url) => Assert.Null(UrlNormalizer.Canonical(url));

    [Fact]
    public void Domain_drops_www() => Assert.Equal("policywire.example", UrlNormalizer.Domain("https://www.PolicyWire.example/x"));
}
