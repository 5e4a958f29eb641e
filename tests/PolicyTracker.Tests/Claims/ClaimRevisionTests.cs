using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Ingestion;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using static PolicyTracker.Tests.Claims.ClaimsFixtures;

namespace PolicyTracker.Tests.Claims;

public sealed class ClaimRevisionTests(SiteAndApp fixture) : IClassFixture<SiteAndApp>
{
    [Fact]
    public async Task Claims_re_anchor_on_a_new_revision_and_report_themselves_orphaned_when_the_quote_is_gone()
    {
        const string kept = "The bureau published the export rule on model weights on Monday, officials said.";
        const string dropped = "The rule covers 30 companies, the bureau estimated.";
        var path = $"/{Guid.NewGuid():N}/rule";
        fixture.Site.Serve(path, IngestionFixtures.Page("Export rule", $"<p>{kept}</p><p>{dropped}</p>"));
        using var editor = await fixture.App.CreateApiClientAsync(await fixture.App.CreateMemberAsync(Roles.Editor));
        var ingested = await (await editor.PostAsJsonAsync("/api/ingest", new { url = fixture.Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();
        var articleId = ingested.GetProperty("articles")[0].GetProperty("id").GetInt32();
        var keptId = await ProposeIdAsync(kept);
        var droppedId = await ProposeIdAsync(dropped);

        fixture.Site.Serve(path, IngestionFixtures.Page("Export rule", $"<p>Update: the bureau has since opened a consultation on the rule on 3 March.</p><p>{kept}</p>"));
        var revised = await (await editor.PostAsJsonAsync("/api/ingest", new { url = fixture.Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("updated", revised.GetProperty("articles")[0].GetProperty("status").GetString());

        var text = (await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}")).GetProperty("text").GetString()!;
        var moved = await editor.GetFromJsonAsync<JsonElement>($"/api/claims/{keptId}");
        Assert.False(moved.GetProperty("orphaned").GetBoolean());
        Assert.Equal(text.IndexOf(kept, StringComparison.Ordinal), moved.GetProperty("start").GetInt32());
        var orphan = await editor.GetFromJsonAsync<JsonElement>($"/api/claims/{droppedId}");
        Assert.True(orphan.GetProperty("orphaned").GetBoolean());
        Assert.Equal(dropped, orphan.GetProperty("exact").GetString());
        Assert.Equal("orphaned", orphan.GetProperty("audit").EnumerateArray().Last().GetProperty("action").GetString());
        // The new sentence of the revision is suggested.
        var all = await editor.GetFromJsonAsync<JsonElement[]>($"/api/articles/{articleId}/claims");
        Assert.Contains(all!, c => c.GetProperty("exact").GetString()!.StartsWith("Update: the bureau has since opened", StringComparison.Ordinal));

        async Task<int> ProposeIdAsync(string exact)
        {
            var response = await ProposeAsync(editor, articleId, exact);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        }
    }
}
