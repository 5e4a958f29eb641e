using System.Text;
using PolicyTracker.Web.Ingestion.Feeds;
using static PolicyTracker.Tests.Ingestion.Feeds.FeedFixtures;

namespace PolicyTracker.Tests.Ingestion.Feeds;

public sealed class FeedRepairTests
{
    static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public void Well_formed_feeds_need_no_repair()
    {
        Assert.False(Parse("rss20.xml").NeededRepair);
        Assert.Empty(Parse("atom10.xml").Repairs);
    }

    [Fact]
    public void Undeclared_html_entities_are_decoded_and_reported()
    {
        var feed = Parse("undeclared-entity.xml");
        Assert.Equal("Policy Notes", feed.Title); // no-break spaces count as spaces in plain-text titles
        var item = feed.Items.Single();
        Assert.Equal("Ethics board \u2014 first meeting\u2026", item.Title);
        Assert.Equal("https://notes.example/ethics?a=1&b=2", item.Link);
        Assert.Equal("The board met \u201Cin private\u201D &amp; published minutes.", item.SummaryHtml);
        Assert.True(feed.NeededRepair);
        Assert.Contains(feed.Repairs, r => r.Contains("mdash", StringComparison.Ordinal));
    }

    [Fact]
    public void Declared_utf8_with_windows1252_bytes_is_read_as_windows1252()
    {
        var bytes = Windows1252.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Caf\u00E9 \u201Cpolicy\u201D</title></channel></rss>");
        var feed = FeedParser.Parse(bytes, null, null);
        Assert.Equal("Caf\u00E9 \u201Cpolicy\u201D", feed.Title);
        Assert.Contains(feed.Repairs, r => r.Contains("windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Utf8_bytes_win_over_a_latin1_declaration()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>Z\u00FCrich \u2013 news</title></channel></rss>");
        var feed = FeedParser.Parse(bytes, null, null);
        Assert.Equal("Z\u00FCrich \u2013 news", feed.Title);
        Assert.True(feed.NeededRepair);
    }

    [Fact]
    public void Header_charset_decides_between_it_and_the_declaration()
    {
        var bytes = Windows1252.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>na\u00EFve</title></channel></rss>");
        Assert.Equal("na\u00EFve", FeedParser.Parse(bytes, "windows-1252", null).Title);
    }

    [Fact]
    public void Utf16_bom_wins_over_a_utf8_declaration()
    {
        var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>\u00C5land</title></feed>";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var feed = FeedParser.Parse(bytes, null, null);
        Assert.Equal("\u00C5land", feed.Title);
        Assert.Contains(feed.Repairs, r => r.Contains("byte order mark", StringComparison.Ordinal));
    }

    [Fact]
    public void Control_characters_and_leading_whitespace_are_dropped()
    {
        var bytes = Encoding.UTF8.GetBytes("\n  <?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bell\u0007 and\u0001 null\u0000</title></channel></rss>");
        var feed = FeedParser.Parse(bytes, null, null);
        Assert.Equal("Bell and null", feed.Title);
        Assert.Equal(2, feed.Repairs.Count);
    }

    [Fact]
    public void Truncated_xml_keeps_what_was_there()
    {
        var feed = Parse("truncated.xml");
        Assert.Equal("rss20", feed.Format);
        Assert.Equal(["Complete item", "Cut off item"], feed.Items.Select(i => i.Title));
        Assert.Equal("https://cut.example/2", feed.Items[1].Link);
        Assert.Equal("This sentence never fin", feed.Items[1].SummaryHtml);
        Assert.Contains(feed.Repairs, r => r.Contains("read leniently", StringComparison.Ordinal));
    }

    [Fact]
    public void Unclosed_tags_are_closed_by_their_parents()
    {
        var feed = Parse("unclosed-tags.xml");
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal("https://sloppy.example/1", feed.Items[0].Link);
        Assert.StartsWith("Paragraph", feed.Items[0].SummaryHtml);
        Assert.Equal("Second", feed.Items[1].Title);
        Assert.True(feed.NeededRepair);
    }

    [Fact]
    public void Undeclared_namespace_prefixes_of_usual_modules_still_count()
    {
        var item = ParseText("<rss version=\"2.0\"><channel><item><title>t</title><dc:creator>Ines Roth</dc:creator><dc:date>2026-02-03T04:05:06Z</dc:date></item></channel></rss>").Items.Single();
        Assert.Equal("Ines Roth", item.Authors.Single().Name);
        Assert.Equal(Utc(2026, 2, 3, 4, 5, 6), item.PublishedAt);
    }

    [Fact]
    public void Entities_declared_in_the_doctype_survive_a_lenient_read()
    {
        var feed = ParseText("<!DOCTYPE rss [<!ENTITY org \"Agency\">]><rss version=\"2.0\"><channel><title>&org; news</title><item><title>unclosed</item></channel></rss>");
        Assert.Equal("Agency news", feed.Title);
        Assert.Equal("unclosed", feed.Items.Single().Title);
        Assert.True(feed.NeededRepair);
    }

    [Fact]
    public void Atom_without_its_namespace_is_still_atom()
    {
        var feed = ParseText("<feed><title>Bare</title><entry><id>e1</id><title>Entry</title><link href=\"https://bare.example/e1\"/></entry></feed>");
        Assert.Equal(("atom10", "Bare"), (feed.Format, feed.Title));
        Assert.Equal(("e1", "https://bare.example/e1"), (feed.Items[0].Id, feed.Items[0].Link));
        Assert.False(feed.NeededRepair);
    }

    [Fact]
    public void Server_warnings_before_the_feed_are_skipped()
    {
        var feed = ParseText("<b>Warning</b>: Cannot modify header information in <b>/var/www/feed.php</b><br />\n<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>After the warning</title></channel></rss>");
        Assert.Equal("After the warning", feed.Title);
        Assert.Contains(feed.Repairs, r => r.Contains("root element was dropped", StringComparison.Ordinal));
    }

    [Fact]
    public void An_html_page_is_rejected_with_a_reason()
    {
        var error = Assert.Throws<FeedFormatException>(() => Parse("not-a-feed.html"));
        Assert.Contains("HTML page", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("just some words, no markup")]
    [InlineData("{\"version\": \"https://jsonfeed.org/version/1\"}")]
    [InlineData("<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>")]
    public void Documents_that_are_not_feeds_throw_feed_format_exceptions(string text)
    {
        var error = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(text), null, null));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Absurdly_deep_markup_is_flattened_instead_of_overflowing_the_stack(bool wellFormed)
    {
        const int depth = 100_000;
        var closing = wellFormed ? string.Concat(Enumerable.Repeat("</div>", depth)) : "";
        var xml = $"<rss version=\"2.0\"><channel><item><title>deep</title><description>{string.Concat(Enumerable.Repeat("<div>", depth))}core{closing}</description></item></channel></rss>";
        var item = ParseText(xml).Items.Single();
        Assert.Equal("deep", item.Title);
        Assert.Contains("core", item.SummaryHtml);
    }

    [Fact]
    public void Random_bytes_never_crash_the_parser()
    {
        var random = new Random(20260414);
        var seed = Bytes("atom10.xml");
        for (var round = 0; round < 200; round++)
        {
            var bytes = (byte[])seed.Clone();
            for (var flips = 0; flips < 20; flips++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var cut = bytes[..random.Next(1, bytes.Length)];
            try { FeedParser.Parse(cut, null, new Uri("https://reg.example/")); }
            catch (FeedFormatException) { }
        }
    }
}
