using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PolicyTracker.Tests.Ingestion;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.EndToEnd;

/// <summary>An Editor brings coverage in through the Add and Feeds pages, in Chromium.</summary>
public sealed class IngestionBrowserTests(SiteAndApp fixture) : BrowserTest, IClassFixture<SiteAndApp>
{
    [Fact]
    public async Task Editor_adds_a_page_and_a_feed_and_sees_their_articles()
    {
        var site = fixture.Site;
        var pagePath = $"/{Guid.NewGuid():N}/preview";
        var pageTitle = $"Partners-only preview confirmed {Guid.NewGuid():N}"[..40];
        site.Serve(pagePath, IngestionFixtures.Page(pageTitle, IngestionFixtures.PreviewBody));
        var feedPath = $"/{Guid.NewGuid():N}/feed.xml";
        var itemTitle = $"Senate committee schedules evaluation hearing {Guid.NewGuid():N}"[..52];
        site.Serve(feedPath, IngestionFixtures.Rss(site.Address.ToString(),
            (itemTitle, site.Url($"{feedPath}/item").ToString(), "<p>The committee scheduled a hearing on the evaluation bill for next week.</p>", "Thu, 07 May 2026 15:00:00 GMT")),
            "application/rss+xml");

        var page = await Session.NewPageAsync(fixture.App.Address);
        await BrowserSession.SignInAsync(page, await fixture.App.CreateMemberAsync(Roles.Editor));

        await page.GetByRole(AriaRole.Link, new() { Name = "Add", Exact = true }).ClickAsync();
        await page.GetByLabel("Page or feed address").FillAsync(site.Url(pagePath).ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Fetch" }).ClickAsync();
        await Assertions.Expect(page.Locator(".result-created")).ToContainTextAsync(pageTitle);
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));

        await page.GetByRole(AriaRole.Link, new() { Name = "Feeds" }).ClickAsync();
        await page.GetByLabel("Feed address (RSS or Atom)").FillAsync(site.Url(feedPath).ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Follow" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice-inline")).ToContainTextAsync("Following");

        // The poller picks the feed up within a few seconds; the page shows its state on reload.
        var row = page.Locator("tbody tr").Filter(new() { HasText = "Harbor Ledger: Policy" });
        for (var i = 0; i < 40 && !(await row.CountAsync() > 0 && (await row.InnerTextAsync()).Contains("OK")); i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }
        await Assertions.Expect(row).ToContainTextAsync("OK");
        axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));

        await page.GotoAsync("/articles");
        await Assertions.Expect(page.Locator(".article-list")).ToContainTextAsync(itemTitle);
        await Assertions.Expect(page.Locator(".article-list")).ToContainTextAsync(pageTitle);
    }
}
