using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Articles;

public sealed class ArticlePageTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Article_body_element_holds_exactly_the_stored_html_and_its_text_is_the_canonical_text()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var api = await app.CreateApiClientAsync(member);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/articles?pageSize=5", TestContext.Current.CancellationToken);
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt32();
        var article = await api.GetFromJsonAsync<JsonElement>($"/api/articles/{id}", TestContext.Current.CancellationToken);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);

        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/articles/{id}"));

        var body = page.GetElementById("article-body")!;
        Assert.Equal(article.GetProperty("text").GetString(), body.TextContent);
        Assert.Equal(article.GetProperty("title").GetString(), page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Unknown_article_page_is_a_404_page()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);

        var response = await browser.GetAsync("/articles/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Nothing was found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Articles_list_shows_source_date_and_pages()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);

        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync("/articles"));

        Assert.Equal(25, page.QuerySelectorAll(".article-row").Length);
        Assert.NotEmpty(page.QuerySelectorAll(".article-row .source"));
        Assert.NotEmpty(page.QuerySelectorAll(".article-row time"));
        Assert.NotNull(page.QuerySelector("a[rel=next]"));
    }
}

public sealed class AnonymousReadTests : IAsyncLifetime
{
    readonly TrackerApp app = new(new() { ["Security:AllowAnonymousRead"] = "true" });

    [Fact]
    public async Task Anonymous_read_opens_articles_but_not_writes_or_admin()
    {
        using var client = new HttpClient { BaseAddress = app.Address };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/articles")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/articles", new { title = "x", content = "y" })).StatusCode);
        using var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_and_signed_in_readers_of_one_article_get_their_own_page()
    {
        using var anonymous = new HttpClient { BaseAddress = app.Address };
        var list = await anonymous.GetFromJsonAsync<JsonElement>("/api/articles?pageSize=1", TestContext.Current.CancellationToken);
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt32();
        var member = await app.CreateMemberAsync(Roles.Analyst, "Signed In Reader");
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);

        var before = new HtmlParser().ParseDocument(await anonymous.GetStringAsync($"/articles/{id}", TestContext.Current.CancellationToken));
        var signedIn = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/articles/{id}"));
        var after = new HtmlParser().ParseDocument(await anonymous.GetStringAsync($"/articles/{id}", TestContext.Current.CancellationToken));

        foreach (var page in new[] { before, after })
        {
            Assert.Equal("false", page.Body!.GetAttribute("data-signed-in"));
            Assert.Null(page.GetElementById("annotations"));
            Assert.DoesNotContain("Signed In Reader", page.DocumentElement.OuterHtml);
        }
        Assert.Equal("true", signedIn.Body!.GetAttribute("data-signed-in"));
        Assert.Equal(member.Id, signedIn.GetElementById("annotations")!.GetAttribute("data-user-id"));
        Assert.Equal("Signed In Reader", signedIn.QuerySelector("a[href='/account']")!.TextContent);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
