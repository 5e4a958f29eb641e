using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.SavedSearches;

/// <summary>Steps the saved-search tests share: save a search, add an article, wait for matches.</summary>
static class SavedSearchTesting
{
    /// <summary>A word no other test's article contains, so each test's matches are its own.</summary>
    public static string UniqueWord() => "zq" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<JsonElement> SaveAsync(HttpClient client, string name, string query, string? webhookUrl = null)
    {
        var response = await client.PostAsJsonAsync("/api/saved-searches", new { name, query, webhookUrl });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<int> AddArticleAsync(TrackerApp app, string title, string content)
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var response = await editor.PostAsJsonAsync("/api/articles", new { title, content = $"{content} {Guid.NewGuid()}", contentType = "text" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static Task<JsonElement> MatchesAsync(HttpClient client, int savedSearchId, int atLeast) =>
        Eventually.ResultAsync(() => client.GetFromJsonAsync<JsonElement>($"/api/saved-searches/{savedSearchId}/matches"),
            r => r.GetProperty("total").GetInt32() >= atLeast, TimeSpan.FromSeconds(15));
}
