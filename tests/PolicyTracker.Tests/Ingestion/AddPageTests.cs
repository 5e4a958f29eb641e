using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Ingestion;

public sealed class AddPageTests(SiteAndApp fixture) : IClassFixture<SiteAndApp>
{
    async Task<BrowserLikeClient> SignedInAsync(string role)
    {
        var member = await fixture.App.CreateMemberAsync(role);
        var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);
        return browser;
    }

    static List<(string Status, string Text)> Results(string html) =>
        [.. new HtmlParser().ParseDocument(html).QuerySelectorAll(".result")
            .Select(r => (r.QuerySelector(".result-status")!.TextContent, r.TextContent))];

    [Fact]
    public async Task Pasted_text_becomes_an_article_and_the_page_says_so()
    {
        using var browser = await SignedInAsync(Roles.Editor);
        var unique = Guid.NewGuid().ToString("N");

        var response = await browser.SubmitAsync("/add", "/add/text", new()
        {
            ["Title"] = $"Pasted report {unique}",
            ["Content"] = "First paragraph of the pasted report.\n\nSecond paragraph.",
            ["ContentType"] = "text",
            ["Source"] = "Clipboard Weekly",
            ["Published"] = "2026-05-01",
        });

        var result = Assert.Single(Results(await response.Content.ReadAsStringAsync()));
        Assert.Equal("created", result.Status);
        Assert.Contains($"Pasted report {unique}", result.Text);
    }

    [Fact]
    public async Task A_paste_without_title_is_refused_and_the_text_is_kept_in_the_form()
    {
        using var browser = await SignedInAsync(Roles.Editor);

        var response = await browser.SubmitAsync("/add", "/add/text", new() { ["Title"] = "", ["Content"] = "Words worth keeping." });
        var html = await response.Content.ReadAsStringAsync();

        var result = Assert.Single(Results(html));
        Assert.Equal("failed", result.Status);
        Assert.Contains("no title", result.Text);
        Assert.Contains("Words worth keeping.", new HtmlParser().ParseDocument(html).QuerySelector("#paste-content")!.TextContent);
    }

    [Fact]
    public async Task Uploaded_files_each_get_a_result()
    {
        using var browser = await SignedInAsync(Roles.Editor);
        var unique = Guid.NewGuid().ToString("N");

        var response = await browser.UploadAsync("/add", "/add/files", "files",
            ("good.md", Encoding.UTF8.GetBytes($"---\ntitle: Uploaded {unique}\nsource: Upload Desk\n---\nBody of the upload {unique}.\n")),
            ("notes.txt", Encoding.UTF8.GetBytes($"Text upload {unique}\n\nA plain text article {unique}.")),
            ("binary.txt", [0x00, 0x01, 0xff, 0xfe]));

        var results = Results(await response.Content.ReadAsStringAsync());
        Assert.Equal(["created", "created", "failed"], results.Select(r => r.Status));
        Assert.Contains("not UTF-8", results[2].Text);
    }

    [Fact]
    public async Task An_address_is_fetched_from_the_add_page()
    {
        var path = $"/{Guid.NewGuid():N}/story";
        fixture.Site.Serve(path, IngestionFixtures.Page("Lab statement on preview access", IngestionFixtures.PreviewBody.Replace("ministry", "department")));
        using var browser = await SignedInAsync(Roles.Editor);

        var response = await browser.SubmitAsync("/add", "/add/url", new() { ["url"] = fixture.Site.Url(path).ToString() });

        var result = Assert.Single(Results(await response.Content.ReadAsStringAsync()));
        Assert.Equal("created", result.Status);
        Assert.Contains("Lab statement on preview access", result.Text);
    }

    [Fact]
    public async Task Analysts_do_not_get_the_add_page()
    {
        using var browser = await SignedInAsync(Roles.Analyst);
        var response = await browser.GetAsync("/add");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery);
    }
}
