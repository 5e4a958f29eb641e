using System.Collections.Concurrent;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using static PolicyTracker.Tests.Annotations.AnnotationFixtures;

namespace PolicyTracker.Tests.Annotations;

/// <summary>Two people annotating one article in two browsers, live, across a cut connection.</summary>
public sealed class AnnotationBrowserTests(SharedApp app) : BrowserTest, IClassFixture<SharedApp>
{
    static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 5_000 };

    async Task<IPage> OpenAsync(Member member, int articleId, Func<IPage, Task>? beforeLoad = null)
    {
        var page = await Session.NewPageAsync(app.Address);
        await BrowserSession.SignInAsync(page, member);
        if (beforeLoad is not null) await beforeLoad(page);
        await page.GotoAsync($"/articles/{articleId}");
        await Assertions.Expect(page.Locator("#live-status[data-state=live]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        return page;
    }

    static Task SelectAsync(IPage page, string exact) => page.EvaluateAsync(@"exact => {
        const body = document.getElementById('article-body');
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.data.indexOf(exact);
          if (i < 0) continue;
          const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + exact.length);
          const s = getSelection(); s.removeAllRanges(); s.addRange(r); return;
        }
        throw new Error('not found: ' + exact);
      }", exact);

    static ILocator Item(IPage page, string text) => page.Locator("#annotations .annotation", new() { HasText = text }).First;

    [Fact]
    public async Task Two_people_annotate_live_conflicts_are_shown_and_nothing_is_lost_across_a_cut_connection()
    {
        var (articleId, text) = await ArticleAsync(app);
        var ana = await app.CreateMemberAsync(Roles.Analyst, "Ana Lyst");
        var ben = await app.CreateMemberAsync(Roles.Analyst, "Ben Reader");

        // Ben's hub connection runs through a route the test can cut, and his reconnects can be held back.
        IWebSocketRoute? benSocket = null;
        var benSent = new ConcurrentQueue<string>();
        var holdBen = false;
        var pageA = await OpenAsync(ana, articleId);
        var pageB = await OpenAsync(ben, articleId, async page =>
        {
            // The page opens its WebSocket without negotiating, so a held-back reconnect is refused here.
            await page.RouteWebSocketAsync("**/hubs/tracker**", async ws =>
            {
                if (holdBen)
                {
                    await ws.CloseAsync();
                    return;
                }
                var server = ws.ConnectToServer();
                ws.OnMessage(frame =>
                {
                    if (frame.Text is { } text) { benSent.Enqueue(text); server.Send(text); }
                    else if (frame.Binary is { } bytes) server.Send(bytes);
                });
                benSocket = ws;
            });
        });
        await Assertions.Expect(pageA.Locator("#presence")).ToContainTextAsync("Ben Reader", new() { Timeout = 10_000 });
        var axe = await pageA.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));
        var textBefore = await pageB.Locator("#article-body").TextContentAsync();
        await Assertions.Expect(pageA.Locator("#annotation-form")).ToBeHiddenAsync();

        // Ana highlights and comments; Ben sees it live, highlighted, with the article's text untouched.
        await SelectAsync(pageA, "vetted researchers");
        await pageA.Keyboard.PressAsync("a");
        await pageA.GetByLabel("Comment (Markdown)").First.FillAsync("Who **vets** them?");
        await pageA.GetByLabel("Tags, separated by commas").First.FillAsync("access, vetting");
        await pageA.GetByRole(AriaRole.Button, new() { Name = "Save annotation" }).ClickAsync();
        await Assertions.Expect(Item(pageB, "Who vets them?")).ToContainTextAsync("“vetted researchers”", Live);
        await Assertions.Expect(Item(pageB, "Who vets them?")).ToContainTextAsync("Ana Lyst");
        await Assertions.Expect(pageA.Locator("#annotation-form")).ToBeHiddenAsync();
        Assert.Equal(1, await pageB.EvaluateAsync<int>("CSS.highlights.get('annotation').size"));
        Assert.Equal(textBefore, await pageB.Locator("#article-body").TextContentAsync());

        // Ben replies; Ana sees the reply live.
        await Item(pageB, "Who vets them?").GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await pageB.GetByLabel("Reply (Markdown)").FillAsync("The agency does.");
        await pageB.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(pageA.Locator(".annotation-replies")).ToContainTextAsync("The agency does.", Live);

        // The same annotation edited from two pages: the later save gets the conflict and sees the winner.
        var pageA2 = await pageA.Context.NewPageAsync();
        await pageA2.GotoAsync($"/articles/{articleId}");
        await Assertions.Expect(Item(pageA2, "Who vets them?")).ToBeVisibleAsync();
        foreach (var p in new[] { pageA, pageA2 })
            await Item(p, "Who vets them?").Locator("[data-act=edit]").First.ClickAsync();
        await pageA.Locator("#annotations form.inline-form textarea").FillAsync("Vetted by the agency.");
        await pageA.Locator("#annotations form.inline-form").GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(Item(pageA, "Vetted by the agency.")).ToBeVisibleAsync();
        await pageA2.Locator("#annotations form.inline-form textarea").FillAsync("A conflicting edit.");
        await pageA2.Locator("#annotations form.inline-form").GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(pageA2.Locator("#annotations .annotation [role=alert]")).ToContainTextAsync("changed meanwhile", Live);
        await Assertions.Expect(Item(pageA2, "Vetted by the agency.")).ToBeVisibleAsync();
        await Assertions.Expect(Item(pageB, "Vetted by the agency.")).ToBeVisibleAsync(new() { Timeout = 5_000 });

        // Ben's connection is cut and his reconnects held back while Ana makes changes.
        var lastSeen = long.Parse(await pageB.EvaluateAsync<string>("sessionStorage.getItem('pt.lastEvent')"));
        holdBen = true;
        benSent.Clear();
        await benSocket!.CloseAsync();
        using var anaApi = await app.CreateApiClientAsync(ana);
        var created = await anaApi.PostAsync(Container(articleId), LinkedData(On(text, "Critics", "Added while Ben was away", "team", "missed")));
        created.EnsureSuccessStatusCode();
        await anaApi.PostAsync(Container(articleId), LinkedData(On(text, "ministry", "Ana's private note", "private")));
        var edit = new HttpRequestMessage(HttpMethod.Put, created.Headers.Location) { Content = LinkedData(On(text, "Critics", "Edited while Ben was away", "team", "missed")) };
        edit.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        (await anaApi.SendAsync(edit)).EnsureSuccessStatusCode();
        await Task.Delay(1500);
        Assert.Equal(0, await Item(pageB, "while Ben was away").CountAsync());

        holdBen = false;
        await Assertions.Expect(Item(pageB, "Edited while Ben was away")).ToContainTextAsync("“Critics”", new() { Timeout = 20_000 });
        Assert.Contains(benSent, m => m.Contains("\"target\":\"CatchUp\"", StringComparison.Ordinal) && m.Contains($"\"arguments\":[{lastSeen}]", StringComparison.Ordinal));
        Assert.Equal(0, await Item(pageB, "Ana's private note").CountAsync());
        await Assertions.Expect(Item(pageA, "Ana's private note")).ToBeVisibleAsync(new() { Timeout = 5_000 });
    }

    [Fact]
    public async Task Script_in_a_comment_a_tag_or_a_quote_never_runs()
    {
        const string markup = "<img src=x onerror=\"window.__pwned='quote'\">";
        var (articleId, text) = await ArticleAsync(app, $"The press release quoted {markup} verbatim in its footer.");
        var ana = await app.CreateMemberAsync(Roles.Analyst, "Ana Lyst");
        using (var api = await app.CreateApiClientAsync(ana))
        {
            var hostile = On(text, markup, "<script>window.__pwned='comment'</script><img src=x onerror=\"window.__pwned='img'\"> [x](javascript:window.__pwned='link')",
                "team", "<img src=x onerror=\"window.__pwned='tag'\">");
            (await api.PostAsync(Container(articleId), LinkedData(hostile))).EnsureSuccessStatusCode();
        }
        var page = await Session.NewPageAsync(app.Address);
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await BrowserSession.SignInAsync(page, ana);
        await page.GotoAsync($"/articles/{articleId}");

        var item = page.Locator("#annotations .annotation").First;
        await Assertions.Expect(item).ToContainTextAsync(markup);
        await Assertions.Expect(item.Locator(".tag")).ToHaveTextAsync("<img src=x onerror=\"window.__pwned='tag'\">");
        await item.Locator("a").First.ClickAsync(new() { Force = true }).ContinueWith(_ => Task.CompletedTask);
        await Task.Delay(500);
        Assert.Equal(0, await page.Locator("#annotations img, #annotations script").CountAsync());
        Assert.Null(await page.EvaluateAsync<string?>("window.__pwned ?? null"));
        Assert.Equal(0, dialogs);
    }
}
