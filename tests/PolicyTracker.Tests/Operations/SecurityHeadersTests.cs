using System.Net;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Infrastructure;

namespace PolicyTracker.Tests.Operations;

public sealed class SecurityHeadersTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("/account/signin", HttpStatusCode.OK)]
    [InlineData("/articles", HttpStatusCode.Redirect)]
    [InlineData("/api/articles", HttpStatusCode.Unauthorized)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.Redirect)]
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        using var browser = app.CreateBrowser();

        var response = await browser.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task Pages_carry_no_inline_script()
    {
        using var browser = app.CreateBrowser();
        var html = await browser.GetPageAsync("/account/signin");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.All(document.Scripts, s => Assert.False(string.IsNullOrEmpty(s.Source), "scripts load from files"));
        Assert.DoesNotContain(" onclick=", html);
    }
}
