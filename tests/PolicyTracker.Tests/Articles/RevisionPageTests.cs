using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using PolicyTracker.Tests.Ingestion;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Articles;

public sealed class RevisionPageTests(SiteAndApp fixture) : IClassFixture<SiteAndApp>
{
    [Fact]
    public async Task A_refetched_changed_page_shows_two_revisions_a_word_diff_and_its_snapshots()
    {
        var path = $"/{Guid.NewGuid():N}/rule";
        fixture.Site.Serve(path, IngestionFixtures.Page("Bureau updates model-weight rule", "<p>The bureau said the rule would cover models trained above the threshold from March.</p><script>alert('x')</script>"));
        var editor = await fixture.App.CreateMemberAsync(Roles.Editor);
        using var api = await fixture.App.CreateApiClientAsync(editor);
        var report = await (await api.PostAsJsonAsync("/api/ingest", new { url = fixture.Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();
        var id = report.GetProperty("articles")[0].GetProperty("id").GetInt32();
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync(editor.Email, editor.Password);

        fixture.Site.Serve(path, IngestionFixtures.Page("Bureau updates model-weight rule", "<p>The bureau said the rule would cover models trained above the threshold from April.</p>"));
        var refetch = await browser.SubmitAsync($"/articles/{id}", $"/articles/{id}/refetch", []);
        Assert.Equal(HttpStatusCode.Redirect, refetch.StatusCode);
        Assert.Equal($"/articles/{id}/revisions", refetch.Headers.Location!.OriginalString);

        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/articles/{id}/revisions"));
        Assert.Equal(2, page.QuerySelectorAll(".revisions > li").Length);
        Assert.Contains("April", page.QuerySelector(".diff ins")!.TextContent);
        Assert.Contains("March", page.QuerySelector(".diff del")!.TextContent);

        var snapshotLink = page.QuerySelector("a[href^='/snapshots/']")!.GetAttribute("href")!;
        var snapshot = new HtmlParser().ParseDocument(await browser.GetPageAsync(snapshotLink));
        Assert.Contains("threshold", snapshot.QuerySelector(".snapshot-body")!.TextContent);
        Assert.Empty(snapshot.QuerySelectorAll(".snapshot-body script")); // shown as text, never as markup

        var analyst = await fixture.App.CreateMemberAsync(Roles.Analyst);
        using var other = fixture.App.CreateBrowser();
        await other.SignInAsync(analyst.Email, analyst.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync(snapshotLink)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/articles/{id}/revisions")).StatusCode);
    }

    [Fact]
    public async Task Refetching_an_unchanged_page_says_so()
    {
        var path = $"/{Guid.NewGuid():N}/same";
        fixture.Site.Serve(path, IngestionFixtures.Page("Unchanged statement", IngestionFixtures.PreviewBody.Replace("Tuesday", "Wednesday")));
        var editor = await fixture.App.CreateMemberAsync(Roles.Editor);
        using var api = await fixture.App.CreateApiClientAsync(editor);
        var report = await (await api.PostAsJsonAsync("/api/ingest", new { url = fixture.Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();
        var id = report.GetProperty("articles")[0].GetProperty("id").GetInt32();
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync(editor.Email, editor.Password);

        var refetch = await browser.SubmitAsync($"/articles/{id}", $"/articles/{id}/refetch", []);

        Assert.Equal($"/articles/{id}", refetch.Headers.Location!.OriginalString);
        Assert.Contains("has not changed", await browser.GetPageAsync($"/articles/{id}"));
    }
}
