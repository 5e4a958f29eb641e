using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Ingestion;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using static PolicyTracker.Tests.Annotations.AnnotationFixtures;

namespace PolicyTracker.Tests.Annotations;

public sealed class AnnotationAnchoringTests(SiteAndApp fixture) : IClassFixture<SiteAndApp>
{
    [Fact]
    public async Task A_new_revision_moves_annotations_with_their_quote_and_orphans_those_whose_quote_is_gone()
    {
        var path = $"/{Guid.NewGuid():N}/rule";
        fixture.Site.Serve(path, IngestionFixtures.Page("Export rule", "<p>The bureau published the export rule on model weights today.</p><p>Officials said the rule takes effect in June.</p>"));
        using var editor = await fixture.App.CreateApiClientAsync(await fixture.App.CreateMemberAsync(Roles.Editor));
        var ingest = await (await editor.PostAsJsonAsync("/api/ingest", new { url = fixture.Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();
        var articleId = ingest.GetProperty("articles")[0].GetProperty("id").GetInt32();
        var text = (await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}")).GetProperty("text").GetString()!;
        var moving = (await editor.PostAsync(Container(articleId), LinkedData(On(text, "model weights", "scope?")))).Headers.Location!.ToString();
        var doomed = (await editor.PostAsync(Container(articleId), LinkedData(On(text, "takes effect in June", "date?")))).Headers.Location!.ToString();

        fixture.Site.Serve(path, IngestionFixtures.Page("Export rule", "<p>Correction appended at the top of the page.</p><p>The bureau published the export rule on model weights today.</p><p>Officials did not give a date.</p>"));
        var revised = await (await editor.PostAsJsonAsync("/api/ingest", new { url = fixture.Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("updated", revised.GetProperty("articles")[0].GetProperty("status").GetString());

        var newText = (await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}")).GetProperty("text").GetString()!;
        var moved = await (await editor.GetAsync(moving)).JsonAsync();
        Assert.False(moved.GetProperty("orphaned").GetBoolean());
        Assert.Equal(newText.IndexOf("model weights", StringComparison.Ordinal), moved.GetProperty("target").GetProperty("selector")[1].GetProperty("start").GetInt32());
        var orphan = await (await editor.GetAsync(doomed)).JsonAsync();
        Assert.True(orphan.GetProperty("orphaned").GetBoolean());
        Assert.Equal("takes effect in June", orphan.GetProperty("target").GetProperty("selector")[0].GetProperty("exact").GetString());
        var container = await (await editor.GetAsync(Container(articleId))).JsonAsync();
        Assert.Equal(2, container.GetProperty("total").GetInt32());
    }
}
