using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Ingestion.Feeds;
using static PolicyTracker.Tests.SavedSearches.SavedSearchTesting;

namespace PolicyTracker.Tests.SavedSearches;

public sealed class SavedSearchApiTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task New_matching_articles_become_unread_matches_and_others_do_not()
    {
        var word = UniqueWord();
        using var analyst = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        var before = await AddArticleAsync(app, $"Earlier {word} story", "Published before the search was saved.");
        var saved = await SaveAsync(analyst, "Watch", $"{word} AND title:register");
        var id = saved.GetProperty("id").GetInt32();

        var matching = await AddArticleAsync(app, $"Ministry opens {word} register", "A register of frontier models opens.");
        await AddArticleAsync(app, $"Ministry closes {word} office", "Not the word we need in the title.");
        var matches = await MatchesAsync(analyst, id, 1);

        Assert.Equal([matching], matches.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("articleId").GetInt32()));
        Assert.DoesNotContain(before, matches.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("articleId").GetInt32()));
        Assert.False(matches.GetProperty("items")[0].GetProperty("seen").GetBoolean());
        var unread = await analyst.GetFromJsonAsync<JsonElement>("/api/saved-searches/unread");
        Assert.Equal(1, unread.GetProperty("total").GetInt32());
        var listed = await analyst.GetFromJsonAsync<JsonElement>("/api/saved-searches");
        Assert.Equal(1, listed.GetProperty("items")[0].GetProperty("unread").GetInt32());

        var seen = await analyst.PostAsJsonAsync($"/api/saved-searches/{id}/seen", new { });
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal(0, (await seen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalUnread").GetInt32());
        var digest = await analyst.GetFromJsonAsync<JsonElement>("/api/saved-searches/digest");
        Assert.Equal(1, digest.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_query_that_cannot_be_read_is_refused_with_the_reason()
    {
        using var analyst = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));

        var response = await analyst.PostAsJsonAsync("/api/saved-searches", new { name = "Broken", query = "(export AND" });
        var missing = await analyst.PostAsJsonAsync("/api/saved-searches", new { name = " ", query = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("could not be read", problem.GetProperty("errors").GetProperty("query")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("query", out _));
        Assert.Equal(0, (await analyst.GetFromJsonAsync<JsonElement>("/api/saved-searches")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Another_member_cannot_see_change_or_follow_someone_elses_saved_search()
    {
        using var owner = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        using var other = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var id = (await SaveAsync(owner, "Mine", UniqueWord())).GetProperty("id").GetInt32();

        foreach (var path in new[] { "", "/matches", "/feed", "/deliveries" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/saved-searches/{id}{path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/saved-searches/{id}", new { name = "Taken", query = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/saved-searches/{id}/seen", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/saved-searches/{id}")).StatusCode);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/saved-searches")).GetProperty("total").GetInt32());
        Assert.Equal("Mine", (await owner.GetFromJsonAsync<JsonElement>($"/api/saved-searches/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Without_credentials_or_with_a_read_only_token_nothing_is_saved()
    {
        using var anonymous = new HttpClient { BaseAddress = app.Address };
        using var readOnly = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst), readOnly: true);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/saved-searches")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/saved-searches", new { name = "n", query = "q" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await readOnly.PostAsJsonAsync("/api/saved-searches", new { name = "n", query = "q" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await readOnly.GetAsync("/api/saved-searches")).StatusCode);
    }

    [Fact]
    public async Task Changing_and_deleting_a_saved_search()
    {
        using var analyst = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        var id = (await SaveAsync(analyst, "Before", "export")).GetProperty("id").GetInt32();

        var changed = await analyst.PutAsJsonAsync($"/api/saved-searches/{id}", new { name = "After", query = "export AND preview" });
        Assert.Equal("After", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.PutAsJsonAsync($"/api/saved-searches/{id}", new { name = "After", query = "title:(" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await analyst.DeleteAsync($"/api/saved-searches/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/saved-searches/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_matches_are_an_Atom_feed_readable_with_a_read_only_token_in_the_url()
    {
        var word = UniqueWord();
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var analyst = await app.CreateApiClientAsync(member);
        var id = (await SaveAsync(analyst, "Feed & <friends>", word)).GetProperty("id").GetInt32();
        var article = await AddArticleAsync(app, $"Regulator & {word} <notice>", "Text of the notice.");
        await MatchesAsync(analyst, id, 1);
        var token = await app.CreateTokenAsync(member, readOnly: true);
        using var reader = new HttpClient { BaseAddress = app.Address };

        var response = await reader.GetAsync($"/api/saved-searches/{id}/feed?access_token={Uri.EscapeDataString(token)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync();
        var feed = FeedParser.Parse(body, "utf-8", new Uri(app.Address, $"api/saved-searches/{id}/feed"));
        Assert.Equal("atom10", feed.Format);
        Assert.False(feed.NeededRepair, string.Join("; ", feed.Repairs));
        Assert.Equal("Feed & <friends> · PolicyTracker", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal($"Regulator & {word} <notice>", item.Title);
        Assert.Equal(new Uri(app.Address, $"articles/{article}").ToString(), item.Link);
        Assert.DoesNotContain(token, Encoding.UTF8.GetString(body));
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync($"/api/saved-searches/{id}/feed")).StatusCode);
    }

    [Fact]
    public async Task The_saved_search_endpoints_are_in_the_OpenAPI_document()
    {
        using var analyst = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        var document = await analyst.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/saved-searches", "/api/saved-searches/{id}", "/api/saved-searches/{id}/matches", "/api/saved-searches/{id}/seen", "/api/saved-searches/{id}/feed" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }
}
