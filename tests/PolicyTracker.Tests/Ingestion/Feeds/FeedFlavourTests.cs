using PolicyTracker.Web.Ingestion.Feeds;
using static PolicyTracker.Tests.Ingestion.Feeds.FeedFixtures;

namespace PolicyTracker.Tests.Ingestion.Feeds;

public sealed class FeedFlavourTests
{
    [Theory]
    [InlineData("rss090.xml", "rss090")]
    [InlineData("rss091.xml", "rss091")]
    [InlineData("rss092.xml", "rss092")]
    [InlineData("rss093.xml", "rss093")]
    [InlineData("rss094.xml", "rss094")]
    [InlineData("rss20.xml", "rss20")]
    [InlineData("rss10.xml", "rss10")]
    [InlineData("atom03.xml", "atom03")]
    [InlineData("atom10.xml", "atom10")]
    public void Each_flavour_is_recognised_and_has_items(string file, string format)
    {
        var feed = Parse(file);
        Assert.Equal(format, feed.Format);
        Assert.NotEmpty(feed.Items);
        Assert.All(feed.Items, item => Assert.False(string.IsNullOrEmpty(item.Title)));
    }

    [Fact]
    public void Rss090_reads_channel_and_items_beside_it()
    {
        var feed = Parse("rss090.xml");
        Assert.Equal("Frontier Model Watch", feed.Title);
        Assert.Equal("https://watch.example/", feed.Link);
        Assert.Equal(["https://watch.example/hearing", "https://watch.example/compute"], feed.Items.Select(i => i.Link));
        Assert.False(feed.NeededRepair);
    }

    [Fact]
    public void Rss091_with_external_doctype_reads_without_fetching_it()
    {
        var feed = Parse("rss091.xml");
        Assert.Equal("en-gb", feed.Language);
        Assert.Equal(new FeedPerson("Ana Ruiz", "editor@act.example", null), feed.Header.Authors.Single());
        Assert.Equal("The Commission published the first codes of practice.", feed.Items[0].SummaryHtml);
    }

    [Fact]
    public void Rss092_to_094_keep_category_domains()
    {
        var item = Parse("rss094.xml").Items.Single();
        Assert.Equal(["regulation"], item.Categories);
        Assert.Equal("https://digest.example/topics", item.CategoryDetails.Single().Scheme);
    }

    [Fact]
    public void Rss20_reads_items_fully()
    {
        var feed = Parse("rss20.xml");
        Assert.Equal(("Policy Wire", "https://policywire.example/", "en-us"), (feed.Title, feed.Link, feed.Language));
        var first = feed.Items[0];
        Assert.Equal("pw-1001", first.Id);
        Assert.Equal("https://policywire.example/2026/audit-rules", first.Link);
        Assert.Equal(Utc(2026, 4, 14, 14, 30), first.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, first.PublishedAt!.Value.Kind);
        Assert.Equal(new FeedPerson("Dana Reyes", "dana@policywire.example", null), first.Authors.Single());
        Assert.Equal(["audits", "agencies"], first.Categories);
        Assert.Equal("<p>The agency <strong>proposed</strong> audit rules.</p>", first.ContentHtml);
        Assert.Equal("Short summary of the <em>audit</em> proposal.", first.SummaryHtml);
        Assert.Contains(first.Links, l => l is { Rel: "enclosure", Type: "audio/mpeg", Length: "1234" });
    }

    [Fact]
    public void Rss20_permalink_guid_stands_in_for_a_missing_link()
    {
        var second = Parse("rss20.xml").Items[1];
        Assert.Equal("https://policywire.example/2026/framework", second.Link);
        Assert.Equal(second.Link, second.Id);
        Assert.Equal(Utc(2026, 4, 15, 16, 5, 10), second.PublishedAt);
        Assert.Equal([new FeedPerson("Lee Park", "lee@policywire.example", null), new FeedPerson("Policy Wire Audio", null, null)], second.Authors);
        Assert.Equal("Framework text.", second.ContentHtml);
    }

    [Fact]
    public void Rss10_reads_dublin_core()
    {
        var feed = Parse("rss10.xml");
        Assert.Equal("fr", feed.Language);
        var item = feed.Items.Single();
        Assert.Equal("https://observatory.example/strategy-update", item.Id);
        Assert.Equal(Utc(2026, 3, 2, 7, 15), item.UpdatedAt);
        Assert.Equal(item.UpdatedAt, item.PublishedAt);
        Assert.Equal("Claire Martin", item.Authors.Single().Name);
        Assert.Equal(["strategy"], item.Categories);
    }

    [Fact]
    public void Atom03_reads_escaped_content_and_old_date_names()
    {
        var feed = Parse("atom03.xml");
        Assert.Equal("https://standards.example/", feed.Link);
        Assert.Equal("Technical standards for AI", feed.Header.Subtitle?.Value);
        var entry = feed.Items.Single();
        Assert.Equal(Utc(2026, 1, 30, 15, 0), entry.PublishedAt);
        Assert.Equal(Utc(2026, 1, 31, 9, 0), entry.UpdatedAt);
        Assert.Equal("<p>The <b>standard</b> is out.</p>", entry.ContentHtml);
        Assert.Equal("Summary of the standard.", entry.SummaryHtml);
        Assert.Equal("Sam Okafor", entry.Authors.Single().Name);
    }

    [Fact]
    public void Atom10_resolves_xml_base_and_reads_all_parts()
    {
        var feed = Parse("atom10.xml", "https://elsewhere.example/feeds/reg");
        Assert.Equal("Regulation Review", feed.Title);
        Assert.Equal("de", feed.Language);
        Assert.Equal("https://reg.example/", feed.Link);
        var entry = feed.Items[0];
        Assert.Equal("https://reg.example/blog/2026/liability", entry.Link);
        Assert.Equal(Utc(2026, 5, 1, 20, 30), entry.PublishedAt);
        Assert.Equal(Utc(2026, 5, 2, 8, 0), entry.UpdatedAt);
        Assert.Equal(["Mia Keller", "Jon Berg"], entry.Authors.Select(a => a.Name));
        Assert.Equal(new FeedCategory("liability", "https://reg.example/tags", "Liability"), entry.CategoryDetails.Single());
        Assert.Equal("<p>See <a href=\"https://reg.example/docs/text.html\">the text</a> &amp; the <img src=\"https://reg.example/img/chart.png\" /> chart.</p>", entry.ContentHtml);
        Assert.Equal("<p>The vote <a href=\"https://reg.example/blog/2026/vote\">passed</a>.</p>", entry.SummaryHtml);
        Assert.Contains(entry.Links, l => l is { Rel: "enclosure", Href: "https://reg.example/blog/2026/liability.pdf" });
    }

    [Fact]
    public void Atom10_entry_without_author_takes_the_feed_author_and_text_content_is_escaped()
    {
        var entry = Parse("atom10.xml").Items[1];
        Assert.Equal(new FeedPerson("Review Team", null, "https://reg.example/team"), entry.Authors.Single());
        Assert.Equal("Comments are due by 1 June &lt; 5 pm.", entry.ContentHtml);
        Assert.Equal(entry.UpdatedAt, entry.PublishedAt);
    }
}
