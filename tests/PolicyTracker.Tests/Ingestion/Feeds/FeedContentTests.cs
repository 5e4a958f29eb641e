using static PolicyTracker.Tests.Ingestion.Feeds.FeedFixtures;

namespace PolicyTracker.Tests.Ingestion.Feeds;

public sealed class FeedContentTests
{
    [Fact]
    public void Html_in_titles_becomes_plain_text()
    {
        var feed = Parse("html-title.xml");
        Assert.Equal("Bold Channel", feed.Title);
        Assert.Equal("Model cards: Q&A", feed.Items[0].Title);
        Assert.Equal("Risk < benefit? Not always", feed.Items[1].Title);
    }

    [Fact]
    public void Relative_links_resolve_against_the_feed_url()
    {
        var feed = Parse("relative-links.xml", "https://site.example/blog/feed.xml");
        Assert.Equal("https://site.example/", feed.Link);
        Assert.Equal("https://site.example/blog/posts/42", feed.Items[0].Link);
        Assert.Equal("https://site.example/posts/43", feed.Items[1].Link);
        Assert.Equal("<a href=\"https://site.example/about\">About</a> <img src=\"https://site.example/blog/img/x.png\" />", feed.Items[0].SummaryHtml);
    }

    [Fact]
    public void Relative_links_stay_as_written_without_a_base()
    {
        Assert.Equal("posts/42", Parse("relative-links.xml").Items[0].Link);
    }

    [Fact]
    public void Summary_only_entries_use_the_summary_as_content()
    {
        var entry = Parse("summary-only.xml").Items.Single();
        Assert.Equal("Plain summary with 3 &lt; 4.", entry.SummaryHtml);
        Assert.Equal(entry.SummaryHtml, entry.ContentHtml);
        Assert.Null(entry.ContentText);
    }

    [Fact]
    public void Cdata_markup_is_kept_as_html()
    {
        var item = ParseText("<rss version=\"2.0\"><channel><item><description><![CDATA[<p>One<br>two & three</p>]]></description></item></channel></rss>").Items.Single();
        Assert.Equal("<p>One<br />two &amp; three</p>", item.SummaryHtml);
    }

    [Fact]
    public void Naked_markup_in_a_description_is_kept()
    {
        var item = ParseText("<rss version=\"2.0\"><channel><item><description><p>Inline <b>markup</b></p></description></item></channel></rss>").Items.Single();
        Assert.Equal("<p>Inline <b>markup</b></p>", item.SummaryHtml);
    }

    [Fact]
    public void Base64_atom_content_is_decoded()
    {
        var encoded = Convert.ToBase64String("<p>Decoded</p>"u8.ToArray());
        var entry = ParseText($"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t</title><content type=\"application/octet-stream\">{encoded}</content></entry></feed>").Items.Single();
        Assert.Equal("<p>Decoded</p>", entry.ContentHtml);
    }

    [Fact]
    public void Xhtml_titles_become_text_and_keep_their_markup_in_title_text()
    {
        var entry = ParseText("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">The <b>AI</b> Act</div></title></entry></feed>").Items.Single();
        Assert.Equal("The AI Act", entry.Title);
        Assert.Equal("The <b>AI</b> Act", entry.TitleText?.Value);
    }

    [Fact]
    public void Atom_entry_link_prefers_the_alternate_relation()
    {
        var entry = ParseText("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry>
              <link rel="enclosure" href="https://x.example/a.mp3"/>
              <link rel="self" href="https://x.example/entry.atom"/>
              <link rel="alternate" href="https://x.example/post"/>
            </entry></feed>
            """).Items.Single();
        Assert.Equal("https://x.example/post", entry.Link);
    }

    [Fact]
    public void Rss_tags_split_and_stray_atom_links_are_read()
    {
        var item = ParseText("""
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><item>
              <atom:link rel="alternate" href="https://y.example/story"/>
              <tags>privacy, safety</tags>
            </item></channel></rss>
            """).Items.Single();
        Assert.Equal("https://y.example/story", item.Link);
        Assert.Equal(["privacy", "safety"], item.Categories);
    }
}
