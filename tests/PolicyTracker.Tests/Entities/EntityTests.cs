using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Entities;

/// <summary>Entities through the app: on the article (API and chips), on their own page, and corrected by editors.</summary>
public sealed class EntityTests(SharedApp app) : IClassFixture<SharedApp>
{
    static async Task<int> PostAsync(HttpClient client, string text, string published = "2026-05-02T09:00:00Z")
    {
        var response = await client.PostAsJsonAsync("/api/articles", new { title = "Entity test " + Guid.NewGuid().ToString("N")[..8], content = text, contentType = "text", author = "Desk", publishedAt = published });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    static async Task<JsonElement[]> EntitiesAsync(HttpClient client, int id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{id}")).GetProperty("entities").EnumerateArray()];

    static Task<JsonElement> WhenReevaluatedAsync(HttpClient client) => Eventually.ResultAsync(
        () => client.GetFromJsonAsync<JsonElement>("/api/entities/reevaluation"),
        s => s.GetProperty("requested").GetInt64() == s.GetProperty("completed").GetInt64(), TimeSpan.FromSeconds(60));

    [Fact]
    public async Task The_article_api_lists_canonical_names_types_and_code_point_mentions()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var text = "🚀 Launch note: OSTP asked OpenAI about GPT 5.7 before the briefing.";
        var id = await PostAsync(editor, text);

        var entities = await EntitiesAsync(editor, id);
        var ostp = Assert.Single(entities, e => e.GetProperty("name").GetString() == "Office of Science and Technology Policy");
        Assert.Equal("government_body", ostp.GetProperty("type").GetString());
        var mention = Assert.Single(ostp.GetProperty("mentions").EnumerateArray());
        var canonical = (await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{id}")).GetProperty("text").GetString()!;
        var runes = canonical.EnumerateRunes().ToArray();
        Assert.Equal("OSTP", string.Concat(runes[mention.GetProperty("start").GetInt32()..mention.GetProperty("end").GetInt32()]));
        Assert.Contains(entities, e => e.GetProperty("name").GetString() == "OpenAI" && e.GetProperty("type").GetString() == "organization");
        Assert.Contains(entities, e => e.GetProperty("name").GetString() == "GPT-5.7" && e.GetProperty("type").GetString() == "model");
    }

    [Fact]
    public async Task Chips_sit_outside_the_article_body_and_lead_to_the_entity_page_with_its_articles_newest_first()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var model = $"GLM-{Random.Shared.Next(100, 999)}.{Random.Shared.Next(1, 9)}";
        var older = await PostAsync(editor, $"Zhipu released {model} for researchers.", "2026-01-10T09:00:00Z");
        var newer = await PostAsync(editor, $"Regulators looked at {model} again.", "2026-03-10T09:00:00Z");
        var analyst = await app.CreateMemberAsync(Roles.Analyst);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(analyst.Email, analyst.Password);

        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/articles/{older}"));
        Assert.Empty(page.GetElementById("article-body")!.QuerySelectorAll(".chip"));
        var chip = Assert.Single(page.QuerySelectorAll("#entities a.chip"), a => a.TextContent == model);
        Assert.Empty(page.QuerySelectorAll("#entities form")); // Analysts see no editing forms

        var entityPage = new HtmlParser().ParseDocument(await browser.GetPageAsync(chip.GetAttribute("href")!));
        Assert.Equal(model, entityPage.QuerySelector("h1")!.TextContent);
        var links = entityPage.QuerySelectorAll(".entity-articles .article-title").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/articles/{newer}", $"/articles/{older}"], links);
        Assert.Equal(["2026-01", "2026-03"], entityPage.QuerySelectorAll(".coverage-month").Select(m => m.TextContent));
        Assert.Equal(2, entityPage.QuerySelectorAll(".coverage-chart rect").Length);
    }

    [Fact]
    public async Task Editing_entities_is_for_editors_only()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var id = await PostAsync(editor, "OSTP published a memo.");
        var ostp = (await EntitiesAsync(editor, id))[0].GetProperty("id").GetInt32();
        using var analyst = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.DeleteAsync($"/api/articles/{id}/entities/{ostp}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"/api/articles/{id}/entities", new { name = "OpenAI" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/entities", new { name = "Someone", type = "person" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"/api/entities/{ostp}/aliases", new { alias = "The Office" })).StatusCode);
        Assert.Single(await EntitiesAsync(editor, id));
    }

    [Fact]
    public async Task Editors_remove_a_wrong_entity_add_a_missing_one_and_teach_the_gazetteer_and_it_sticks()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var name = "Vellmark Register Office " + Guid.NewGuid().ToString("N")[..6];
        var alias = "VRO" + Random.Shared.Next(1000, 9999);
        var id = await PostAsync(editor, $"OSTP and {alias} discussed the register with OpenAI.");
        var ostp = (await EntitiesAsync(editor, id)).First(e => e.GetProperty("name").GetString() == "Office of Science and Technology Policy").GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/articles/{id}/entities/{ostp}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync($"/api/articles/{id}/entities", new { name })).StatusCode); // not in the gazetteer yet
        var created = await editor.PostAsJsonAsync("/api/entities", new { name, type = "government_body" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entityId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsJsonAsync($"/api/entities/{entityId}/aliases", new { alias })).StatusCode);
        var state = await WhenReevaluatedAsync(editor);
        Assert.True(state.GetProperty("done").GetInt32() >= 50, "every article was read again");

        var names = (await EntitiesAsync(editor, id)).Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains(name, names); // found by its new alias
        Assert.DoesNotContain("Office of Science and Technology Policy", names); // the editor's removal held

        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsJsonAsync($"/api/articles/{id}/entities", new { name = "ostp" })).StatusCode);
        Assert.Contains("Office of Science and Technology Policy", (await EntitiesAsync(editor, id)).Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Editors_correct_chips_from_the_article_page()
    {
        using var api = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var id = await PostAsync(api, "OpenAI met OSTP.");
        var openAi = (await EntitiesAsync(api, id)).First(e => e.GetProperty("name").GetString() == "OpenAI").GetProperty("id").GetInt32();
        var editor = await app.CreateMemberAsync(Roles.Editor);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(editor.Email, editor.Password);

        var removed = await browser.SubmitAsync($"/articles/{id}", $"/articles/{id}/entities/{openAi}/remove", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var unknown = await browser.SubmitAsync($"/articles/{id}", $"/articles/{id}/entities", new() { ["name"] = "No Such Body" });
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);

        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/articles/{id}"));
        Assert.DoesNotContain("OpenAI", page.QuerySelectorAll("#entities a.chip").Select(a => a.TextContent));
        Assert.Contains("No entity is called", page.GetElementById("entities")!.TextContent);
    }
}
