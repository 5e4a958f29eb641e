using Microsoft.Playwright;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using static PolicyTracker.Tests.Annotations.AnnotationFixtures;

namespace PolicyTracker.Tests.Articles;

/// <summary>Annotations on the shared Article page: loaded per reader, so each reader's next view shows what they may see.</summary>
public sealed class SharedArticlePageBrowserTests(SharedApp app) : BrowserTest, IClassFixture<SharedApp>
{
    async Task<IPage> OpenAsync(Member member, int articleId)
    {
        var page = await Session.NewPageAsync(app.Address);
        await BrowserSession.SignInAsync(page, member);
        await page.GotoAsync($"/articles/{articleId}");
        await Assertions.Expect(page.Locator("#live-status[data-state=live]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        return page;
    }

    static ILocator Item(IPage page, string text) => page.Locator("#annotations .annotation", new() { HasText = text });

    [Fact]
    public async Task A_new_annotation_shows_at_the_next_view_and_a_private_one_only_to_its_author()
    {
        var (id, text) = await ArticleAsync(app);
        var ana = await app.CreateMemberAsync(Roles.Analyst, "Ana Private");
        var ben = await app.CreateMemberAsync(Roles.Analyst, "Ben Reader");
        var anaPage = await OpenAsync(ana, id);
        var benPage = await OpenAsync(ben, id);

        using var anaApi = await app.CreateApiClientAsync(ana);
        (await anaApi.PostAsync(Container(id), LinkedData(On(text, "ministry", "A note for the team")))).EnsureSuccessStatusCode();
        (await anaApi.PostAsync(Container(id), LinkedData(On(text, "Critics", "A note for Ana alone", "private")))).EnsureSuccessStatusCode();

        await benPage.ReloadAsync();
        await anaPage.ReloadAsync();
        await Assertions.Expect(Item(benPage, "A note for the team")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(Item(anaPage, "A note for Ana alone")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(Item(anaPage, "A note for the team")).ToBeVisibleAsync();
        Assert.Equal(0, await Item(benPage, "A note for Ana alone").CountAsync());
        Assert.Equal(ben.Id, await benPage.Locator("#annotations").GetAttributeAsync("data-user-id"));
    }
}
