using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Tests.Ingestion;

public sealed class PageReaderTests
{
    static readonly Uri PageUrl = new("https://harbor.example/policy/preview");

    [Fact]
    public void Metadata_comes_from_meta_tags_and_the_body_from_the_article()
    {
        var draft = PageReader.Read(IngestionFixtures.Page("Ministry asks lab to limit preview", IngestionFixtures.PreviewBody), PageUrl);

        Assert.Equal("Ministry asks lab to limit preview", draft.Title);
        Assert.Equal("Harbor Ledger", draft.SourceName);
        Assert.Equal("Mara Quinn", draft.Author);
        Assert.Equal(new DateTime(2026, 4, 14, 9, 30, 0, DateTimeKind.Utc), draft.PublishedAt);
        Assert.DoesNotContain("Related", draft.Content);
        Assert.DoesNotContain("<h1>", draft.Content);
        Assert.Contains("approved partners", draft.Content);
    }

    [Fact]
    public void Json_ld_wins_over_meta_tags()
    {
        var html = IngestionFixtures.Page("Meta headline", IngestionFixtures.PreviewBody).Replace("</head>", """
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Structured headline",
             "author":[{"@type":"Person","name":"Jo Lind"}],"publisher":{"@type":"Organization","name":"Harbor Ledger Group"},
             "datePublished":"2026-04-13T22:00:00-04:00"}</script></head>
            """);

        var draft = PageReader.Read(html, PageUrl);

        Assert.Equal("Structured headline", draft.Title);
        Assert.Equal("Jo Lind", draft.Author);
        Assert.Equal("Harbor Ledger Group", draft.SourceName);
        Assert.Equal(new DateTime(2026, 4, 14, 2, 0, 0, DateTimeKind.Utc), draft.PublishedAt);
    }

    [Fact]
    public void A_canonical_link_gives_the_address()
    {
        var html = IngestionFixtures.Page("T", IngestionFixtures.PreviewBody).Replace("</head>", "<link rel=\"canonical\" href=\"/policy/preview-canonical\"></head>");
        Assert.Equal("https://harbor.example/policy/preview-canonical", PageReader.Read(html, PageUrl).Url);
    }

    [Fact]
    public void A_page_without_article_text_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => PageReader.Read("<html><head><title>Home</title></head><body><nav>Menu</nav></body></html>", PageUrl));
        Assert.Contains("no article text", e.Message);
    }

    [Fact]
    public void Broken_json_ld_is_ignored()
    {
        var html = IngestionFixtures.Page("Headline", IngestionFixtures.PreviewBody).Replace("</head>", "<script type=\"application/ld+json\">{not json</script></head>");
        Assert.Equal("Headline", PageReader.Read(html, PageUrl).Title);
    }
}
