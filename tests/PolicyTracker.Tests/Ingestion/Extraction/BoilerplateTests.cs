using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Ingestion.Extraction;

namespace PolicyTracker.Tests.Ingestion.Extraction;

public sealed class BoilerplateTests
{
    static readonly Uri PageUrl = new("https://quayside.example/ports/override-logs");

    [Theory]
    [InlineData(6)]
    [InlineData(2)] // a short brief, under the length the scorer hopes for
    [InlineData(1)]
    public void The_article_text_is_kept_and_the_page_chrome_is_not(int paragraphs)
    {
        var page = PageExtractor.Extract(ExtractionPages.NewsPage(paragraphs: paragraphs), PageUrl)!;

        foreach (var p in ExtractionPages.Paragraphs.Take(paragraphs)) Assert.Contains(p, page.ContentText);
        foreach (var chrome in ExtractionPages.Chrome) Assert.DoesNotContain(chrome, page.ContentText);
        // The headline is shown above the article; the body does not repeat it.
        Assert.DoesNotContain("Ministry drafts override logs", page.ContentText);
    }

    [Fact]
    public void A_note_of_prose_inside_the_article_stays_and_an_aside_of_links_goes()
    {
        var html = ExtractionPages.NewsPage().Replace("</div>\n</article>", """
            </div>
            <aside class="note"><p>This report was drafted with an AI writing tool and checked by an editor.</p></aside>
            <aside class="more"><ul><li><a href="/d">Dredging plan approved</a></li><li><a href="/e">Ferry strike ends</a></li></ul></aside>
            <footer><p>Correction: an earlier version misstated the length of the consultation.</p></footer>
            </article>
            """);

        var text = PageExtractor.Extract(html, PageUrl)!.ContentText;

        Assert.Contains("drafted with an AI writing tool", text);
        Assert.Contains("Correction: an earlier version", text);
        Assert.DoesNotContain("Dredging plan", text);
    }

    [Fact]
    public void Hidden_blocks_and_scripts_are_not_article_text()
    {
        var html = ExtractionPages.NewsPage().Replace("<div class=\"story-body\">", """
            <div class="story-body"><p style="display: none">Invisible teaser text that only search engines were meant to read in full.</p>
            <p hidden>A hidden paragraph about a prize draw for readers who sign up to the newsletter today.</p>
            <script>var tracking = "pixel";</script><noscript>Please enable JavaScript to see the interactive map.</noscript>
            """);

        var text = PageExtractor.Extract(html, PageUrl)!.ContentText;

        Assert.DoesNotContain("Invisible teaser", text);
        Assert.DoesNotContain("prize draw", text);
        Assert.DoesNotContain("tracking", text);
        Assert.DoesNotContain("enable JavaScript", text);
        Assert.Contains(ExtractionPages.Paragraphs[0], text);
    }

    [Fact]
    public void A_data_table_in_the_article_stays_and_a_related_list_inside_it_goes()
    {
        var table = """
            <table><thead><tr><th>Terminal</th><th>Cranes</th><th>Overrides logged</th></tr></thead>
            <tbody><tr><td>North</td><td>14</td><td>yes</td></tr><tr><td>South</td><td>9</td><td>no</td></tr></tbody></table>
            <ul class="related-links"><li><a href="/x">Read more on ports</a></li><li><a href="/y">Read more on unions</a></li><li><a href="/z">Read more on cranes</a></li></ul>
            """;
        var html = ExtractionPages.NewsPage().Replace("</div>\n</article>", table + "</div>\n</article>");

        var text = PageExtractor.Extract(html, PageUrl)!.ContentText;

        Assert.Contains("Overrides logged", text);
        Assert.Contains("South", text);
        Assert.DoesNotContain("Read more on", text);
    }

    [Fact]
    public void Paragraphs_written_with_double_line_breaks_are_kept_whole()
    {
        var body = string.Join("<br><br>\n", ExtractionPages.Paragraphs);
        var html = $"<html><head><title>Override logs for cranes</title></head><body><div id=\"nav\"><a href=\"/\">Home</a></div><div>{body}</div></body></html>";

        var page = PageExtractor.Extract(html, PageUrl)!;

        foreach (var p in ExtractionPages.Paragraphs) Assert.Contains(p, page.ContentText);
        Assert.DoesNotContain("Home", page.ContentText);
        Assert.Contains("<p>", page.ContentHtml);
    }

    [Fact]
    public void Stored_content_is_sanitized_after_extraction()
    {
        var html = ExtractionPages.NewsPage().Replace(ExtractionPages.Paragraphs[1], ExtractionPages.Paragraphs[1] + "<img src=x onerror=\"alert(1)\"><a href=\"javascript:alert(2)\">link</a>");

        var draft = PageReader.Read(html, PageUrl);
        var (stored, _) = new CanonicalHtml().Clean(draft.Content);

        Assert.DoesNotContain("onerror", stored);
        Assert.DoesNotContain("javascript:", stored);
        Assert.Contains("three years", stored);
    }
}
