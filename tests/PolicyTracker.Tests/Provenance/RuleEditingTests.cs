using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Provenance;

/// <summary>Rules are data: editors change them and articles are re-evaluated in the background.</summary>
public sealed class RuleEditingTests : IAsyncLifetime
{
    readonly TrackerApp app = new(new() { ["Security:SignInAttemptsPerMinute"] = "1000" });

    static async Task<IEnumerable<string>> RulesOfAsync(HttpClient client, int articleId) =>
        FlagJson.Raised(await client.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}")).Select(f => f.GetProperty("rule").GetString()!);

    static Task<JsonElement> WhenReevaluatedAsync(HttpClient client) => Eventually.ResultAsync(
        () => client.GetFromJsonAsync<JsonElement>("/api/rules/reevaluation"),
        s => s.GetProperty("requested").GetInt64() == s.GetProperty("completed").GetInt64(), TimeSpan.FromSeconds(30));

    [Fact]
    public async Task A_new_rule_flags_existing_articles_and_disabling_it_clears_them()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var created = await editor.PostAsJsonAsync("/api/articles", new
        {
            title = "Bot desk", content = "The agency published the figures, officials said.\n\nCompiled by the overnight bot desk.", contentType = "text",
            author = "Desk", publishedAt = "2026-02-02T00:00:00Z",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.DoesNotContain("disclosure.bot-desk", await RulesOfAsync(editor, id));

        var rule = new { kind = "ai-generated", severity = "high", pattern = @"\bcompiled by the overnight bot desk\b", selfReferenceOnly = false, description = "House bot byline", enabled = true };
        var added = await editor.PostAsJsonAsync("/api/rules", new { id = "disclosure.bot-desk", rule.kind, rule.severity, rule.pattern, rule.selfReferenceOnly, rule.description, rule.enabled });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var state = await WhenReevaluatedAsync(editor);
        Assert.True(state.GetProperty("done").GetInt32() >= 40, "every article was re-evaluated");
        Assert.Contains("disclosure.bot-desk", await RulesOfAsync(editor, id));

        var disabled = await editor.PutAsJsonAsync("/api/rules/disclosure.bot-desk", new { rule.kind, rule.severity, rule.pattern, rule.selfReferenceOnly, rule.description, enabled = false });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(2, (await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        await WhenReevaluatedAsync(editor);
        Assert.DoesNotContain("disclosure.bot-desk", await RulesOfAsync(editor, id));
        // Kept with its quote and why it stopped, not deleted.
        var kept = (await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{id}")).GetProperty("flags").EnumerateArray()
            .Single(f => f.GetProperty("rule").GetString() == "disclosure.bot-desk");
        Assert.Equal("not raised by the current rules", kept.GetProperty("retiredNote").GetString());
    }

    [Fact]
    public async Task An_invalid_pattern_is_refused_and_leaves_the_rules_untouched()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var before = await editor.GetStringAsync("/api/rules");

        var bad = await editor.PutAsJsonAsync("/api/rules/sourcing.anonymous", new { kind = "anonymous-sourcing", severity = "info", pattern = "(people familiar", selfReferenceOnly = false, enabled = true });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not a valid regular expression", await bad.Content.ReadAsStringAsync());
        Assert.Equal(before, await editor.GetStringAsync("/api/rules"));
    }

    [Fact]
    public async Task Analysts_cannot_change_rules_and_editors_see_the_rules_page()
    {
        using var analyst = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/rules", new { id = "x.y.z", kind = "unverified", severity = "info", pattern = "x", enabled = true })).StatusCode);

        var editor = await app.CreateMemberAsync(Roles.Editor);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(editor.Email, editor.Password);
        var page = await browser.GetPageAsync("/rules");
        Assert.Contains("disclosure.generated-by-ai", page);
        var refused = await browser.SubmitAsync("/rules", "/rules", new()
        {
            ["Creating"] = "true", ["Id"] = "disclosure.broken", ["Kind"] = "ai-generated", ["Severity"] = "high", ["Pattern"] = "[unclosed",
        });
        Assert.Contains("not a valid regular expression", await refused.Content.ReadAsStringAsync());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
