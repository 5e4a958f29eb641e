using System.Net.Http.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.EndToEnd;

/// <summary>The app on a loopback port, driven through Chromium as people use it.</summary>
public sealed class BrowserTests(SharedApp app) : BrowserTest, IClassFixture<SharedApp>
{
    [Fact]
    public async Task Analyst_signs_in_reads_an_article_and_signs_out()
    {
        var page = await Session.NewPageAsync(app.Address);
        await BrowserSession.SignInAsync(page, await app.CreateMemberAsync(Roles.Analyst));

        var first = page.Locator(".article-row .article-title").First;
        var title = await first.InnerTextAsync();
        await first.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#article-body").InnerTextAsync()));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/account/signin", new() { WaitUntil = WaitUntilState.Commit });
        await page.GotoAsync("/articles");
        Assert.Contains("/account/signin", page.Url);
    }

    [Fact]
    public async Task Search_draws_the_coverage_chart_and_keeps_the_months_in_words()
    {
        var page = await Session.NewPageAsync(app.Address);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await BrowserSession.SignInAsync(page, await app.CreateMemberAsync(Roles.Analyst));

        await page.GotoAsync("/search?q=preview");

        await Assertions.Expect(page.Locator("figure.timeline.has-chart .timeline-chart canvas")).ToBeVisibleAsync();
        Assert.True(await page.Locator("figure.timeline .bars li").CountAsync() > 1);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_message_and_no_articles()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        var page = await Session.NewPageAsync(app.Address);
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("E-mail").FillAsync(member.Email);
        await page.GetByLabel("Password").FillAsync("not my password 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sign-in failed");
        Assert.Contains("/account/signin", page.Url);
    }

    [Fact]
    public async Task An_analyst_is_kept_out_of_the_admin_page()
    {
        var page = await Session.NewPageAsync(app.Address);
        await BrowserSession.SignInAsync(page, await app.CreateMemberAsync(Roles.Analyst));
        Assert.Equal(0, await page.Locator("nav >> text=Admin").CountAsync());

        await page.GotoAsync("/admin");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You do not have access to that page");
    }

    [Fact]
    public async Task A_new_article_appears_as_a_live_notice_without_reload()
    {
        var page = await Session.NewPageAsync(app.Address);
        await BrowserSession.SignInAsync(page, await app.CreateMemberAsync(Roles.Analyst));
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");

        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var title = $"Ministry opens model register {Guid.NewGuid():N}";
        (await editor.PostAsJsonAsync("/api/articles", new { title, content = "The ministry opened a register.", contentType = "text" })).EnsureSuccessStatusCode();

        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync(title);
    }

    [Fact]
    public async Task Flag_evidence_is_highlighted_without_adding_text_to_the_article_body()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var api = await app.CreateApiClientAsync(member);
        var list = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/articles?pageSize=200");
        var flagged = list.GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("flags").EnumerateArray().Any(f => f.GetProperty("kind").GetString() == "ai-generated"));
        var id = flagged.GetProperty("id").GetInt32();
        var article = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/articles/{id}");

        var page = await Session.NewPageAsync(app.Address);
        await BrowserSession.SignInAsync(page, member);
        await page.GotoAsync($"/articles/{id}");
        await Assertions.Expect(page.Locator("#provenance")).ToContainTextAsync("AI-generated");

        Assert.Equal(article.GetProperty("text").GetString(), await page.Locator("#article-body").EvaluateAsync<string>("e => e.textContent"));
        Assert.True(await page.EvaluateAsync<int>("() => CSS.highlights.get('flag-evidence')?.size ?? 0") > 0);
        await page.Locator(".evidence-quote").First.ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => CSS.highlights.get('flag-evidence-focus')?.size ?? 0"));
    }

    [Fact]
    public async Task Main_pages_have_no_serious_accessibility_violations()
    {
        var admin = await app.CreateMemberAsync(Roles.Admin);
        var page = await Session.NewPageAsync(app.Address);
        await page.GotoAsync("/account/signin");
        var problems = Violations(await page.RunAxe(), "sign-in");

        await BrowserSession.SignInAsync(page, admin);
        problems.AddRange(Violations(await page.RunAxe(), "articles"));
        await page.Locator(".article-row .article-title").First.ClickAsync();
        await page.WaitForSelectorAsync("#article-body");
        problems.AddRange(Violations(await page.RunAxe(), "article"));
        await page.GotoAsync("/admin");
        problems.AddRange(Violations(await page.RunAxe(), "admin"));
        await page.GotoAsync("/account");
        problems.AddRange(Violations(await page.RunAxe(), "account"));
        await page.GotoAsync("/sources");
        problems.AddRange(Violations(await page.RunAxe(), "sources"));
        await page.GotoAsync("/rules");
        problems.AddRange(Violations(await page.RunAxe(), "rules"));
        await page.GotoAsync("/search?q=preview");
        problems.AddRange(Violations(await page.RunAxe(), "search"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    static List<string> Violations(AxeResult result, string pageName) =>
        [.. result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{pageName}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];
}
