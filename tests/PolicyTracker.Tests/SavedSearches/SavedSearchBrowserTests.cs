using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using static PolicyTracker.Tests.SavedSearches.SavedSearchTesting;

namespace PolicyTracker.Tests.SavedSearches;

/// <summary>The finish line: a new member saves a search and is notified of a match without reloading.</summary>
public sealed class SavedSearchBrowserTests(SharedApp app) : BrowserTest, IClassFixture<SharedApp>
{
    [Fact]
    public async Task A_new_analyst_saves_a_search_and_sees_a_notification_for_a_matching_article_without_reload()
    {
        var word = UniqueWord();
        var page = await Session.NewPageAsync(app.Address);
        await BrowserSession.SignInAsync(page, await app.CreateMemberAsync(Roles.Analyst));
        await page.GotoAsync($"/search?q={word}");
        await page.GetByLabel("Save this search as").FillAsync("My watch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save this search" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My watch");
        await page.GotoAsync("/articles");
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");
        await page.EvaluateAsync("() => { window.__samePage = true; }");

        var title = $"Regulator names {word} auditors";
        await AddArticleAsync(app, title, "Auditors for frontier models were named.");

        await Assertions.Expect(page.Locator(".notice").Filter(new() { HasText = "My watch" })).ToContainTextAsync(title);
        await Assertions.Expect(page.Locator("#alert-count")).ToHaveTextAsync("1 new");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"));

        await page.Locator(".notice a").Filter(new() { HasText = "My watch" }).ClickAsync();
        await Assertions.Expect(page.Locator(".saved-matches .article-title")).ToHaveTextAsync(title);
        var problems = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"saved search: {v.Id} {v.Help}").ToList();
        await page.GotoAsync("/saved-searches");
        problems.AddRange((await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"saved searches: {v.Id} {v.Help}"));
        await page.GotoAsync("/saved-searches/digest");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(title);
        problems.AddRange((await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"digest: {v.Id} {v.Help}"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        await Assertions.Expect(page.Locator("#alert-count")).ToBeHiddenAsync();
    }
}
