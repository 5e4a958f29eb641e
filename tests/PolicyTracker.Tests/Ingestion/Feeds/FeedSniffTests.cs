using System.Text;
using PolicyTracker.Web.Ingestion.Feeds;

namespace PolicyTracker.Tests.Ingestion.Feeds;

public sealed class FeedSniffTests
{
    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- a > comment --><rss version=\"2.0\"/>", null)]
    [InlineData("<!DOCTYPE rss [<!ENTITY x \"y\">]><rss/>", "text/xml")]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>", "application/xml")]
    [InlineData("\uFEFF<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "text/html")]
    [InlineData("anything at all", "application/rss+xml; charset=utf-8")]
    [InlineData("anything at all", "application/atom+xml")]
    public void Feeds_are_recognised(string body, string? contentType) =>
        Assert.True(FeedParser.LooksLikeFeed(Encoding.UTF8.GetBytes(body), contentType));

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><link rel=\"alternate\" type=\"application/rss+xml\"></head></html>", "text/html")]
    [InlineData("<?xml version=\"1.0\"?><opml/>", "text/xml")]
    [InlineData("", null)]
    [InlineData("{\"items\": []}", "application/json")]
    public void Other_documents_are_not(string body, string? contentType) =>
        Assert.False(FeedParser.LooksLikeFeed(Encoding.UTF8.GetBytes(body), contentType));

    [Fact]
    public void Utf16_feeds_are_recognised() =>
        Assert.True(FeedParser.LooksLikeFeed(Encoding.Unicode.GetBytes("<rss version=\"2.0\"></rss>"), null));
}
