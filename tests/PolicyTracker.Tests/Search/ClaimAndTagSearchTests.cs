using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Annotations;
using PolicyTracker.Tests.Claims;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Search;

/// <summary>The index follows claims and team annotations: claim statuses and tags are searchable, private tags never.</summary>
public sealed class ClaimAndTagSearchTests(SharedApp app) : IClassFixture<SharedApp>
{
    static async Task<JsonElement> SearchUntilAsync(HttpClient client, string query, Func<JsonElement, bool> done) =>
        await Eventually.ResultAsync(() => client.GetFromJsonAsync<JsonElement>($"/api/search?{query}")!, done, TimeSpan.FromSeconds(15));

    // Articles of their own, so story clustering does not fold them into another test's copy.
    static string OwnText() => $"{ClaimsFixtures.Request}\n\n" + string.Join(" ", Enumerable.Range(0, 60).Select(_ => Guid.NewGuid().ToString("N")[..8]));

    static IEnumerable<int> Ids(JsonElement result) => result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetInt32());

    [Fact]
    public async Task A_verified_claim_is_found_by_claim_status_counted_in_the_facet_and_summarised_on_the_hit()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var articleId = await ClaimsFixtures.CreateArticleAsync(editor, OwnText());
        var (claimId, etag) = await ClaimsFixtures.ProposedClaimAsync(editor, articleId);
        (await editor.SendAsync(ClaimsFixtures.Rule(claimId, etag, ClaimsFixtures.Verified))).EnsureSuccessStatusCode();

        var byField = await SearchUntilAsync(editor, "q=claimStatus:verified&pageSize=100", r => Ids(r).Contains(articleId));
        Assert.Contains(articleId, Ids(byField));
        var byFilter = await editor.GetFromJsonAsync<JsonElement>($"/api/search?q=Valdorian&claimStatus=verified&pageSize=100");
        Assert.Contains(articleId, Ids(byFilter));
        Assert.Contains(byFilter.GetProperty("facets").GetProperty("claimStatus").EnumerateArray(), f => f.GetProperty("value").GetString() == "verified");
        var hit = byFilter.GetProperty("hits").EnumerateArray().First(h => h.GetProperty("id").GetInt32() == articleId);
        Assert.Equal(1, hit.GetProperty("claimSummary").GetProperty("byStatus").GetProperty("verified").GetInt32());

        var disputed = await editor.GetFromJsonAsync<JsonElement>("/api/search?q=claimStatus:disputed&pageSize=100");
        Assert.DoesNotContain(articleId, Ids(disputed));
    }

    [Fact]
    public async Task The_timeline_splits_coverage_by_claim_status()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var articleId = await ClaimsFixtures.CreateArticleAsync(editor, OwnText());
        var (claimId, etag) = await ClaimsFixtures.ProposedClaimAsync(editor, articleId);
        (await editor.SendAsync(ClaimsFixtures.Rule(claimId, etag, ClaimsFixtures.Verified))).EnsureSuccessStatusCode();
        await SearchUntilAsync(editor, "q=claimStatus:verified&pageSize=100", r => Ids(r).Contains(articleId));

        var timeline = await editor.GetFromJsonAsync<JsonElement>("/api/search/timeline?q=Valdorian");

        var verified = timeline.EnumerateArray().Sum(b => b.GetProperty("byClaimStatus").TryGetProperty("verified", out var n) ? n.GetInt32() : 0);
        var total = timeline.EnumerateArray().Sum(b => b.GetProperty("count").GetInt32());
        Assert.True(verified >= 1);
        Assert.True(total >= verified);
    }

    [Fact]
    public async Task Team_tags_are_searchable_and_private_tags_are_not()
    {
        var (articleId, text) = await AnnotationFixtures.ArticleAsync(app);
        using var member = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        // The private one first: once the team tag is searchable, the index has applied both.
        var mine = await member.PostAsync(AnnotationFixtures.Container(articleId),
            AnnotationFixtures.LinkedData(AnnotationFixtures.On(text, "vetted researchers", "Only for me.", "private", "secretnote")));
        mine.EnsureSuccessStatusCode();
        var team = await member.PostAsync(AnnotationFixtures.Container(articleId),
            AnnotationFixtures.LinkedData(AnnotationFixtures.On(text, "limit the preview", "Worth following.", "team", "followup-team")));
        team.EnsureSuccessStatusCode();

        var found = await SearchUntilAsync(member, "q=tag:followup-team", r => Ids(r).Contains(articleId));
        Assert.Contains(articleId, Ids(found));
        var hidden = await member.GetFromJsonAsync<JsonElement>("/api/search?q=tag:secretnote");
        Assert.DoesNotContain(articleId, Ids(hidden));
    }
}
