using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Evaluation.Annotations;

/// <summary>
/// Runs the app in-process on a throwaway database and makes annotations of every kind it
/// offers through its own Web Annotation Protocol endpoints, then reads each one back.
/// </summary>
public static class AnnotationSamples
{
    const string Text = "The ministry asked the lab to limit the preview of its new model 🚀. " +
        "The lab said the preview would stay restricted to vetted researchers. Critics said the limit was too weak.";

    /// <summary>(what it shows, the annotation as GET returns it).</summary>
    public static async Task<IReadOnlyList<(string Kind, JsonNode Annotation)>> ProduceAsync(string repoRoot)
    {
        var data = Path.Combine(Path.GetTempPath(), "policytracker-eval", Guid.NewGuid().ToString("N"));
        // Any type of the app's assembly names its entry point (this program has its own Program).
        var factory = new WebApplicationFactory<PolicyTracker.Web.Data.TrackerDb>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseContentRoot(repoRoot);
            b.UseEnvironment("Testing");
            b.UseSetting("DataDirectory", data);
        });
        try
        {
            return await MakeAsync(factory);
        }
        finally
        {
            await factory.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    static async Task<IReadOnlyList<(string Kind, JsonNode Annotation)>> MakeAsync(WebApplicationFactory<PolicyTracker.Web.Data.TrackerDb> factory)
    {
        using var client = factory.CreateClient();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountDirectory>();
            var user = (await accounts.CreateUserAsync("evaluator@example.test", Roles.Editor, "correct horse 42", "Eva Luator")).Value!;
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await accounts.CreateTokenAsync(user, "eval", false)).Secret);
        }
        var created = await client.PostAsJsonAsync("/api/articles", new { title = "Preview limits", content = Text, contentType = "text" });
        created.EnsureSuccessStatusCode();
        var articleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var text = (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}")).GetProperty("text").GetString()!;
        var container = $"/annotations/articles/{articleId}/";

        var samples = new List<(string, JsonNode)>();
        async Task<string> Post(string kind, object body)
        {
            var response = await client.PostAsync(container, JsonContent.Create(body, new MediaTypeHeaderValue("application/ld+json")));
            response.EnsureSuccessStatusCode();
            var iri = response.Headers.Location!.ToString();
            samples.Add((kind, JsonNode.Parse(await client.GetStringAsync(iri))!));
            return iri;
        }
        object Quote(string exact) => new
        {
            source = $"http://localhost/articles/{articleId}",
            selector = new object[] { new { type = "TextQuoteSelector", exact }, new { type = "TextPositionSelector", start = CodePoint(text, exact), end = CodePoint(text, exact) + exact.EnumerateRunes().Count() } },
        };
        const string context = "http://www.w3.org/ns/anno.jsonld";

        var commented = await Post("comment with tags on a quote", new
        {
            @context = context, type = "Annotation",
            body = new object[] { new { type = "TextualBody", value = "Who **vets** them?", format = "text/markdown", purpose = "commenting" }, new { type = "TextualBody", value = "access", purpose = "tagging" } },
            target = Quote("vetted researchers"),
        });
        await Post("highlight (no body)", new { @context = context, type = "Annotation", target = Quote("too weak") });
        await Post("tags only, after an emoji (code points)", new { @context = context, type = "Annotation", body = new { type = "TextualBody", value = "launch", purpose = "tagging" }, target = Quote("The lab said") });
        await Post("private note via bodyValue", new { @context = context, type = "Annotation", bodyValue = "Check with the ministry.", target = Quote("ministry"), visibility = "private" });
        await Post("reply", new { @context = context, type = "Annotation", motivation = "replying", body = new { type = "TextualBody", value = "The agency does.", purpose = "replying" }, target = commented });
        await Post("page note with canonical and via", new
        {
            @context = context, type = "Annotation", id = "http://example.org/anno/42", canonical = $"urn:uuid:{Guid.NewGuid()}",
            body = new { type = "TextualBody", value = "I like this page!" }, target = "http://www.example.com/index.html",
        });
        return samples;
    }

    static int CodePoint(string text, string exact) => text[..text.IndexOf(exact, StringComparison.Ordinal)].EnumerateRunes().Count();
}
