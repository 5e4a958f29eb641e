using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Annotations;

/// <summary>Articles to annotate and W3C annotations to send, for the annotation tests.</summary>
static class AnnotationFixtures
{
    public const string Text = "The ministry asked the lab to limit the preview of its new model. " +
        "The lab said the preview would stay restricted to vetted researchers. Critics said the limit was too weak.";

    /// <summary>A new article (made by a fresh Editor) and its canonical text.</summary>
    public static async Task<(int Id, string Text)> ArticleAsync(TrackerApp app, string text = Text)
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var response = await editor.PostAsJsonAsync("/api/articles", new { title = "Preview limits", content = $"{text}\n\nRef {Guid.NewGuid():N}.", contentType = "text" });
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var article = await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
        return (id, article.GetProperty("text").GetString()!);
    }

    /// <summary>A commenting annotation on the first occurrence of <paramref name="exact"/> (ASCII text: code points are UTF-16 indexes).</summary>
    public static Dictionary<string, object?> On(string text, string exact, string comment, string visibility = "team", params string[] tags)
    {
        var start = text.IndexOf(exact, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{exact}' is not in the text");
        var bodies = new List<object> { new { type = "TextualBody", value = comment, format = "text/markdown", purpose = "commenting" } };
        bodies.AddRange(tags.Select(t => new { type = "TextualBody", value = t, purpose = "tagging" }));
        return new()
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["type"] = "Annotation",
            ["body"] = bodies,
            ["target"] = new
            {
                selector = new object[]
                {
                    new { type = "TextQuoteSelector", exact },
                    new { type = "TextPositionSelector", start, end = start + exact.Length },
                },
            },
            ["visibility"] = visibility,
        };
    }

    /// <summary>A reply to the annotation at <paramref name="parentIri"/>.</summary>
    public static Dictionary<string, object?> Reply(string parentIri, string comment) => new()
    {
        ["@context"] = "http://www.w3.org/ns/anno.jsonld",
        ["type"] = "Annotation",
        ["motivation"] = "replying",
        ["body"] = new { type = "TextualBody", value = comment, purpose = "replying" },
        ["target"] = parentIri,
    };

    /// <summary>JSON-LD content with the Web Annotation media type.</summary>
    public static HttpContent LinkedData(object body) =>
        JsonContent.Create(body, new MediaTypeHeaderValue("application/ld+json"));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static string Container(int articleId) => $"/annotations/articles/{articleId}/";
}
