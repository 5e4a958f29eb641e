using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PolicyTracker.Tests.Ingestion;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using static PolicyTracker.Tests.Annotations.AnnotationFixtures;

namespace PolicyTracker.Tests.Annotations;

/// <summary>What the Article page shows after a revision: moved highlights, and orphans listed with their quote.</summary>
public sealed class OrphanBrowserTests(SiteAndApp fixture) : BrowserTest, IClassFixture<SiteAndApp>
{
    [Fact]
    public async Task After_a_revision_moved_annotations_stay_highlighted_and_orphans_are_listed_with_their_quote()
    {
        var path = $"/{Guid.NewGuid():N}/notice";
        fixture.Site.Serve(path, IngestionFixtures.Page("Notice", "<p>The agency will audit frontier models twice a year.</p><p>Fines start at two percent of revenue.</p>"));
        var editorMember = await fixture.App.CreateMemberAsync(Roles.Editor, "Eda Editor");
        using var editor = await fixture.App.CreateApiClientAsync(editorMember);
        var articleId = (await (await editor.PostAsJsonAsync("/api/ingest", new { url = fixture.Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("articles")[0].GetProperty("id").GetInt32();
        var text = (await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}")).GetProperty("text").GetString()!;
        (await editor.PostAsync(Container(articleId), LinkedData(On(text, "frontier models", "Which ones?")))).EnsureSuccessStatusCode();
        (await editor.PostAsync(Container(articleId), LinkedData(On(text, "two percent of revenue", "Global revenue?")))).EnsureSuccessStatusCode();
        fixture.Site.Serve(path, IngestionFixtures.Page("Notice", "<p>Update: the fines were dropped.</p><p>The agency will audit frontier models twice a year.</p>"));
        await editor.PostAsJsonAsync("/api/ingest", new { url = fixture.Site.Url(path) });

        var page = await Session.NewPageAsync(fixture.App.Address);
        await BrowserSession.SignInAsync(page, editorMember);
        await page.GotoAsync($"/articles/{articleId}");

        await Assertions.Expect(page.Locator("#annotation-list .annotation")).ToContainTextAsync("Which ones?");
        await Assertions.Expect(page.Locator("#orphan-heading")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#orphan-list .annotation")).ToContainTextAsync("“two percent of revenue”");
        await Assertions.Expect(page.Locator("#orphan-list .annotation")).ToContainTextAsync("Global revenue?");
        Assert.Equal("frontier models", await page.EvaluateAsync<string>("[...CSS.highlights.get('annotation')][0].toString()"));
    }
}
