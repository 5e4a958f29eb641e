using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using PolicyTracker.Tests.Ingestion;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Articles;

public sealed class SnapshotPageTests(SiteAndApp fixture) : IClassFixture<SiteAndApp>
{
    [Fact]
    public async Task The_snapshot_shows_the_response_text_headers_fetch_time_and_hash_as_text()
    {
        var path = $"/{Guid.NewGuid():N}/snap";
        var html = IngestionFixtures.Page("Registry publishes model cards", "<p>The registry published model cards for <b>three</b> systems and said more would follow within the month.</p>");
        fixture.Site.Serve(path, html, headers: r => r.Headers["AI-Disclosure"] = "<img src=x onerror=alert(1)>");
        var editor = await fixture.App.CreateMemberAsync(Roles.Editor);
        using var api = await fixture.App.CreateApiClientAsync(editor);
        var before = DateTime.UtcNow.AddSeconds(-1);
        var report = await (await api.PostAsJsonAsync("/api/ingest", new { url = fixture.Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();
        var id = report.GetProperty("articles")[0].GetProperty("id").GetInt32();
        var article = await api.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
        var snapshotId = article.GetProperty("revisions")[0].GetProperty("snapshotId").GetInt32();
        using var browser = fixture.App.CreateBrowser();
        await browser.SignInAsync(editor.Email, editor.Password);

        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/snapshots/{snapshotId}"));

        // The body is the response exactly, shown as text: its tags are characters, not elements.
        Assert.Equal(html, page.QuerySelector(".snapshot-body")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".snapshot-body *"));
        var meta = page.QuerySelector(".snapshot-meta")!;
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html))), meta.TextContent);
        var fetched = DateTime.Parse(meta.QuerySelector("time")!.GetAttribute("datetime")!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.InRange(fetched, before, DateTime.UtcNow.AddSeconds(1));
        var header = page.QuerySelectorAll("table tr").Single(r => r.QuerySelector("th")!.TextContent.Equals("ai-disclosure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("<img src=x onerror=alert(1)>", header.QuerySelector("td")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main img, table img"));
    }
}
