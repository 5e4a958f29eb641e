using System.Net.Http.Json;
using System.Text.Json;

namespace PolicyTracker.Tests.Claims;

/// <summary>The typical article of these tests, and small helpers for the claims API.</summary>
static class ClaimsFixtures
{
    public const string Request = "The Valdorian digital ministry asked Corvid Labs on Monday to limit the preview of its Kestrel-4 model to approved partners.";

    /// <summary>Text of a typical article: a government request, an opinion, a question and an AI disclaimer.</summary>
    public static string ArticleText() =>
        $"{Request} Corvid Labs confirmed that it had received the letter.\n\n" +
        "A ministry spokesperson said the review would take 30 days.\n\n" +
        "It is a striking moment for the industry. What will smaller developers make of it?\n\n" +
        $"Reference {Guid.NewGuid():N}.\n\n" +
        "This article is AI-generated and may contain errors; please verify it independently.";

    public static async Task<int> CreateArticleAsync(HttpClient editor, string? text = null)
    {
        var created = await editor.PostAsJsonAsync("/api/articles", new { title = "Ministry asks lab to limit preview", content = text ?? ArticleText(), contentType = "text" });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>The W3C selectors of <paramref name="exact"/> in the article's canonical text.</summary>
    public static async Task<object[]> SelectorAsync(HttpClient client, int articleId, string exact)
    {
        var text = (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}")).GetProperty("text").GetString()!;
        var start = text.IndexOf(exact, StringComparison.Ordinal);
        Assert.True(start >= 0);
        return [new { type = "TextQuoteSelector", exact }, new { type = "TextPositionSelector", start, end = start + exact.Length }];
    }

    public static async Task<HttpResponseMessage> ProposeAsync(HttpClient client, int articleId, string exact = Request) =>
        await client.PostAsJsonAsync($"/api/articles/{articleId}/claims", new { selector = await SelectorAsync(client, articleId, exact), note = "Check with the ministry." });

    public static async Task<(int Id, string ETag)> ProposedClaimAsync(HttpClient client, int articleId)
    {
        var response = await ProposeAsync(client, articleId);
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), response.Headers.ETag!.Tag);
    }

    public static HttpRequestMessage Rule(int claimId, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/claims/{claimId}") { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    public static HttpRequestMessage SignOff(int claimId, string etag, bool approve, string? note = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/claims/{claimId}/signoff") { Content = JsonContent.Create(new { approve, note }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    public static readonly object Verified = new
    {
        status = "verified",
        note = "The ministry published the letter.",
        evidence = new[] { new { url = "https://ministry.example/letters/kestrel-4", note = "The letter itself." } },
    };
}
