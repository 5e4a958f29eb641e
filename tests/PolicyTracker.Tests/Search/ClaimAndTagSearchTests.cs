using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

/// <summary>Annotation events re-index their article only when its team tags change.</summary>
public sealed class TagReindexTests(SharedApp app) : IClassFixture<SharedApp>
{
    // Waits until the index has applied every event stored so far, then says how many documents it wrote.
    async Task<long> IndexedAfterAllEventsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyTracker.Web.Data.TrackerDb>();
        var last = await db.Events.MaxAsync(e => e.Id);
        var index = app.Services.GetRequiredService<PolicyTracker.Web.Search.SearchIndex>();
        await Eventually.ResultAsync(() => Task.FromResult(index.LastEvent), n => n >= last, TimeSpan.FromSeconds(15));
        Assert.True(index.LastEvent >= last, "the index did not catch up");
        return app.Services.GetRequiredService<PolicyTracker.Web.Search.IndexFollower>().ArticlesIndexed;
    }

    static int Count(JsonElement result) => result.GetProperty("total").GetInt32();

    [Fact]
    public async Task Comments_and_private_notes_leave_the_index_alone_and_tag_changes_reach_it()
    {
        var (articleId, text) = await AnnotationFixtures.ArticleAsync(app);
        using var member = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        var tag = $"t{Guid.NewGuid():N}"[..12];
        async Task<HttpResponseMessage> Post(Dictionary<string, object?> annotation)
        {
            var response = await member.PostAsync(AnnotationFixtures.Container(articleId), AnnotationFixtures.LinkedData(annotation));
            response.EnsureSuccessStatusCode();
            return response;
        }

        await Post(AnnotationFixtures.On(text, "vetted researchers", "First note."));
        var before = await IndexedAfterAllEventsAsync();
        await Post(AnnotationFixtures.On(text, "vetted researchers", "A comment without tags."));
        await Post(AnnotationFixtures.On(text, "limit the preview", "Mine alone.", "private", "private-" + tag));
        Assert.Equal(before, await IndexedAfterAllEventsAsync());

        var tagged = await Post(AnnotationFixtures.On(text, "limit the preview", "Follow this.", "team", tag));
        Assert.Equal(before + 1, await IndexedAfterAllEventsAsync());
        var found = await member.GetFromJsonAsync<JsonElement>($"/api/search?q=tag:{tag}");
        Assert.Equal(1, Count(found));

        // Editing the tag away re-indexes, and the tag is no longer found.
        var iri = (await tagged.JsonAsync()).GetProperty("id").GetString()!;
        var edit = new HttpRequestMessage(HttpMethod.Put, iri) { Content = AnnotationFixtures.LinkedData(AnnotationFixtures.On(text, "limit the preview", "Follow this.")) };
        edit.Headers.TryAddWithoutValidation("If-Match", tagged.Headers.ETag!.Tag);
        (await member.SendAsync(edit)).EnsureSuccessStatusCode();
        Assert.Equal(before + 2, await IndexedAfterAllEventsAsync());
        Assert.Equal(0, Count((await member.GetFromJsonAsync<JsonElement>($"/api/search?q=tag:{tag}"))!));
    }
}
