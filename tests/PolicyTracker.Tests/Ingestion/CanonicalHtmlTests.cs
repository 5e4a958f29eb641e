using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Tests.Ingestion;

public sealed class CanonicalHtmlTests
{
    readonly CanonicalHtml canonical = new();

    [Fact]
    public void Blocks_are_separated_by_one_newline_and_edges_are_trimmed()
    {
        var (_, text) = canonical.Clean("<h2> Heading </h2>\n\n  <p>First   paragraph\nwraps.</p><p>Second</p><ul>\n<li>one</li>\n<li>two</li></ul>");
        Assert.Equal("Heading\nFirst paragraph wraps.\nSecond\none\ntwo", text);
    }

    [Fact]
    public void Script_handlers_and_dangerous_links_are_removed()
    {
        var (html, text) = canonical.Clean("<p onclick=\"x()\">Hi <a href=\"javascript:alert(1)\">there</a><script>alert(1)</script><img src=x onerror=alert(1)></p><iframe src=\"https://evil.example\"></iframe>");
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html);
        Assert.DoesNotContain("onerror", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("iframe", html);
        Assert.Equal("Hi there", text);
    }

    [Fact]
    public void Links_open_safely()
    {
        var (html, _) = canonical.Clean("<p><a href=\"https://gov.example/doc\">the order</a></p>");
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }

    [Theory]
    [InlineData("<p>a<br>b</p>")]
    [InlineData("<pre>\n  code\n    kept</pre><p>after</p>")]
    [InlineData("<blockquote><p>Quoted</p><p>twice</p></blockquote><p>Tail &amp; end</p>")]
    [InlineData("<div>loose text<p>block</p>more</div>")]
    [InlineData("<table><tr><td>a</td><td>b</td></tr></table>")]
    [InlineData("<p>emoji 🚀 and accents é</p>")]
    public void A_browser_parsing_the_stored_html_finds_the_same_text(string input)
    {
        var (html, text) = canonical.Clean(input);
        Assert.Equal(text, canonical.TextOf(html));
        Assert.Equal(html, canonical.Clean(html).Html); // cleaning is idempotent
    }

    [Fact]
    public void Line_breaks_become_newlines_in_the_text()
    {
        Assert.Equal("a\nb", canonical.Clean("<p>a<br>b</p>").Text);
    }

    [Fact]
    public void Preformatted_whitespace_is_kept()
    {
        Assert.Equal("x  =  1\ny", canonical.Clean("<pre>x  =  1\ny</pre>").Text);
    }
}
