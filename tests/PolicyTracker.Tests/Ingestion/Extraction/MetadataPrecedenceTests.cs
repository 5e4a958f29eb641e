using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Ingestion.Extraction;

namespace PolicyTracker.Tests.Ingestion.Extraction;

/// <summary>JSON-LD, then OpenGraph, then other meta tags, then the page itself; and the exceptions where the trusted value is not a real one.</summary>
public sealed class MetadataPrecedenceTests
{
    static readonly Uri PageUrl = new("https://quayside.example/ports/override-logs?utm_source=feed");

    const string Meta = """
        <title>Cranes: the page title | Quayside Post</title>
        <meta name="description" content="Meta description">
        <meta name="author" content="Meta Author">
        <meta property="og:title" content="OpenGraph headline on override logs">
        <meta property="og:description" content="OpenGraph description">
        <meta property="og:site_name" content="Quayside Post (OpenGraph)">
        <meta property="article:published_time" content="2026-02-05T10:00:00Z">
        """;

    const string JsonLd = """
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Quayside Post website"},
          {"@type":"ReportageNewsArticle","headline":"Structured headline on override logs","description":"Structured description",
           "author":[{"@type":"Person","name":"Ines Varga"},{"@type":"Person","name":"Tomas Berg"}],
           "publisher":{"@type":"Organization","name":"Quayside Media"},"datePublished":"2026-02-04T23:30:00-05:00"}]}
        </script>
        """;

    static ExtractedPage Extract(string head, string? byline = null) =>
        PageExtractor.Extract(byline is null ? ExtractionPages.NewsPage(head) : ExtractionPages.NewsPage(head, byline), PageUrl)!;

    [Fact]
    public void Json_ld_wins_over_opengraph_and_meta_tags()
    {
        var page = Extract(Meta + JsonLd);

        Assert.Equal("Structured headline on override logs", page.Title);
        Assert.Equal("Ines Varga, Tomas Berg", page.Byline);
        Assert.Equal("Structured description", page.Excerpt);
        Assert.Equal("Quayside Media", page.SiteName);
        Assert.Equal(new DateTime(2026, 2, 5, 4, 30, 0, DateTimeKind.Utc), page.PublishedAt);
    }

    [Fact]
    public void Opengraph_and_meta_tags_win_over_the_page()
    {
        var page = Extract(Meta);

        Assert.Equal("OpenGraph headline on override logs", page.Title);
        Assert.Equal("Meta Author", page.Byline); // over the byline shown in the article
        Assert.Equal("OpenGraph description", page.Excerpt); // over the plain description
        Assert.Equal("Quayside Post (OpenGraph)", page.SiteName);
        Assert.Equal(new DateTime(2026, 2, 5, 10, 0, 0, DateTimeKind.Utc), page.PublishedAt); // over the <time> in the article
    }

    [Fact]
    public void Without_metadata_the_page_itself_gives_title_byline_date_language_and_excerpt()
    {
        var page = Extract(ExtractionPages.DefaultHead);

        Assert.Equal("Ministry drafts override logs for automated cranes", page.Title); // the site's name cut off
        Assert.Equal("Ines Varga", page.Byline); // the name inside the byline block
        Assert.Equal(new DateTime(2026, 2, 5, 7, 15, 0, DateTimeKind.Utc), page.PublishedAt);
        Assert.Equal("en-GB", page.Lang);
        Assert.Equal(ExtractionPages.Paragraphs[0], page.Excerpt);
        Assert.DoesNotContain("Ines Varga", page.ContentText);
    }

    [Theory]
    [InlineData("""<a rel="author" href="/staff/ines">Ines Varga</a>""")]
    [InlineData("""<div itemprop="author" itemscope><span itemprop="name">Ines Varga</span></div>""")]
    [InlineData("""<span class="author-name">Ines Varga</span>""")]
    public void Bylines_are_found_in_their_usual_markup(string byline)
    {
        var page = Extract(ExtractionPages.DefaultHead, byline);

        Assert.Equal("Ines Varga", page.Byline);
        Assert.Contains(ExtractionPages.Paragraphs[2], page.ContentText);
    }

    [Fact]
    public void The_reader_strips_by_from_a_shown_byline()
    {
        var draft = PageReader.Read(ExtractionPages.NewsPage(ExtractionPages.DefaultHead, """<p class="byline">By Ines Varga</p>"""), PageUrl);
        Assert.Equal("Ines Varga", draft.Author);
        Assert.Equal("Quayside Post", draft.SourceName);
    }

    [Fact]
    public void An_author_given_as_a_profile_address_or_a_handle_is_not_a_name()
    {
        var head = ExtractionPages.DefaultHead + """
            <meta property="article:author" content="https://social.example/ines.varga">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Override logs","author":"quaysidepost"}</script>
            """;

        Assert.Equal("Ines Varga", Extract(head).Byline);
    }

    [Fact]
    public void A_json_ld_name_that_is_the_site_gives_way_to_the_headline()
    {
        var head = ExtractionPages.DefaultHead + """
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","name":"Quayside Post","headline":"Ministry drafts override logs for automated cranes"}</script>
            """;

        Assert.Equal("Ministry drafts override logs for automated cranes", Extract(head).Title);
    }

    [Fact]
    public void Broken_or_unrelated_json_ld_leaves_the_other_metadata_in_charge()
    {
        var head = Meta + """
            <script type="application/ld+json">{"@type":"NewsArticle", "headline": </script>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Quayside Media"}</script>
            """;

        var page = Extract(head);

        Assert.Equal("OpenGraph headline on override logs", page.Title);
        Assert.Equal("Quayside Post (OpenGraph)", page.SiteName);
    }

    [Fact]
    public void Double_escaped_entities_in_meta_tags_are_decoded()
    {
        var page = Extract("""<meta property="og:title" content="Cranes &amp;amp; the ministry&amp;#39;s logs"><meta property="og:site_name" content="Quayside Post">""");
        Assert.Equal("Cranes & the ministry's logs", page.Title);
    }

    [Fact]
    public void The_canonical_link_gives_the_address_resolved_against_the_page()
    {
        var page = Extract(ExtractionPages.DefaultHead + """<link rel="canonical" href="/ports/override-logs">""");
        Assert.Equal(new Uri("https://quayside.example/ports/override-logs"), page.CanonicalUrl);
        Assert.Null(Extract(ExtractionPages.DefaultHead + """<link rel="canonical" href="javascript:alert(1)">""").CanonicalUrl);
    }

    [Fact]
    public void A_page_without_any_date_has_none()
    {
        var html = ExtractionPages.NewsPage().Replace("""<time datetime="2026-02-05T08:15:00+01:00">5 February 2026</time>""", "");
        Assert.Null(PageExtractor.Extract(html, PageUrl)!.PublishedAt);
    }
}
