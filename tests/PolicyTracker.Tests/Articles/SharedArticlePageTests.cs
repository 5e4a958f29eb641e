using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Articles;

/// <summary>
/// The Article page is rendered once per article version and audience and filled in per reader:
/// every reader still gets their own name, id, controls and antiforgery token, and every change
/// shows at the next view. Each test views the page before the change, so the change has a
/// rendered page to replace.
/// </summary>
public sealed class SharedArticlePageTests(SharedApp app) : IClassFixture<SharedApp>
{
    static readonly HtmlParser Parser = new();

    async Task<(int Id, HttpClient Editor)> FlaggedArticleAsync(string? url = null, string? source = null)
    {
        var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var created = await editor.PostAsJsonAsync("/api/articles", new
        {
            title = "Shared page", url, source, author = "R. Writer", publishedAt = "2026-06-01T10:00:00Z", contentType = "text",
            content = $"OpenAI met OSTP on Monday, officials said. The agency asked the lab to limit the preview. ({Guid.NewGuid()})\n\nThis article is AI-generated content.",
        });
        created.EnsureSuccessStatusCode();
        return ((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), editor);
    }

    async Task<BrowserLikeClient> SignedInAsync(Member member)
    {
        var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);
        return browser;
    }

    static async Task<IDocument> PageAsync(BrowserLikeClient browser, int id) => Parser.ParseDocument(await browser.GetPageAsync($"/articles/{id}"));

    static string MetaToken(IDocument page) => page.QuerySelector("meta[name=request-verification-token]")!.GetAttribute("content")!;

    [Fact]
    public async Task Each_reader_gets_their_own_name_id_token_and_controls()
    {
        var (id, api) = await FlaggedArticleAsync();
        using var _ = api;
        var ana = await app.CreateMemberAsync(Roles.Analyst, "Ana Analyst");
        var ben = await app.CreateMemberAsync(Roles.Analyst, "Ben <b>Analyst</b>");
        var eda = await app.CreateMemberAsync(Roles.Editor, "Eda Editor");
        using var anaBrowser = await SignedInAsync(ana);
        using var benBrowser = await SignedInAsync(ben);
        using var edaBrowser = await SignedInAsync(eda);

        await PageAsync(anaBrowser, id);
        var anaPage = await PageAsync(anaBrowser, id);
        var benPage = await PageAsync(benBrowser, id);
        var edaPage = await PageAsync(edaBrowser, id);

        Assert.Equal("Ana Analyst", anaPage.QuerySelector("a[href='/account']")!.TextContent);
        Assert.Equal("Ben <b>Analyst</b>", benPage.QuerySelector("a[href='/account']")!.TextContent); // encoded, not markup
        Assert.Null(benPage.QuerySelector(".account b"));
        Assert.Equal(ana.Id, anaPage.GetElementById("annotations")!.GetAttribute("data-user-id"));
        Assert.Equal(ben.Id, benPage.GetElementById("annotations")!.GetAttribute("data-user-id"));
        Assert.DoesNotContain("Ana Analyst", benPage.DocumentElement.OuterHtml);
        Assert.DoesNotContain(ana.Id, benPage.DocumentElement.OuterHtml);
        Assert.NotEqual(MetaToken(anaPage), MetaToken(benPage));

        // Editors' controls for Editors only, each form carrying the Editor's own token.
        Assert.Empty(benPage.QuerySelectorAll("form[action$='/dismiss'], form[action$='/refetch'], #entities form, #story form"));
        Assert.NotEmpty(edaPage.QuerySelectorAll("form[action$='/dismiss']"));
        Assert.NotEmpty(edaPage.QuerySelectorAll("#entities form"));
        var edaToken = MetaToken(edaPage);
        Assert.All(edaPage.QuerySelectorAll("input[name=__RequestVerificationToken]"), i => Assert.Equal(edaToken, i.GetAttribute("value")));
        Assert.Equal("true", edaPage.GetElementById("annotations")!.GetAttribute("data-may-delete-any"));
        Assert.Equal("false", benPage.GetElementById("annotations")!.GetAttribute("data-may-delete-any"));
    }

    [Fact]
    public async Task A_token_from_the_page_works_for_its_reader_and_not_for_another()
    {
        var (id, api) = await FlaggedArticleAsync();
        using var _ = api;
        var eda = await app.CreateMemberAsync(Roles.Editor);
        var eli = await app.CreateMemberAsync(Roles.Editor);
        using var edaBrowser = await SignedInAsync(eda);
        using var eliBrowser = await SignedInAsync(eli);
        var edaToken = MetaToken(await PageAsync(edaBrowser, id));

        var withEdasToken = await eliBrowser.PostWithoutTokenAsync($"/articles/{id}/entities", new() { ["name"] = "NIST", ["__RequestVerificationToken"] = edaToken });
        Assert.Equal(HttpStatusCode.BadRequest, withEdasToken.StatusCode);

        var withOwn = await eliBrowser.SubmitAsync($"/articles/{id}", $"/articles/{id}/entities", new() { ["name"] = "NIST" });
        Assert.Equal(HttpStatusCode.Redirect, withOwn.StatusCode);
        var names = (await api.GetFromJsonAsync<JsonElement>($"/api/articles/{id}")).GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains(names, n => n!.Contains("Standards", StringComparison.Ordinal));
        Assert.Equal(names.Order(), (await PageAsync(edaBrowser, id)).QuerySelectorAll("#entities a.chip").Select(a => a.TextContent).Order());
    }

    [Fact]
    public async Task A_dismissed_flag_a_ruled_claim_and_a_removed_entity_show_at_the_next_view()
    {
        var (id, api) = await FlaggedArticleAsync();
        using var _ = api;
        using var reader = await SignedInAsync(await app.CreateMemberAsync(Roles.Analyst));
        var before = await PageAsync(reader, id);
        Assert.Contains("OpenAI", before.QuerySelectorAll("#entities a.chip").Select(a => a.TextContent));
        Assert.Empty(before.QuerySelectorAll(".flag-list.dismissed li"));

        var article = await api.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
        var flagId = article.GetProperty("flags").EnumerateArray().First(f => f.GetProperty("kind").GetString() == "ai-generated").GetProperty("id").GetInt32();
        (await api.PostAsJsonAsync($"/api/flags/{flagId}/dismiss", new { reason = "Quoted from a press release." })).EnsureSuccessStatusCode();
        var dismissed = await PageAsync(reader, id);
        Assert.Contains("Quoted from a press release.", dismissed.QuerySelector(".flag-list.dismissed")!.TextContent);
        Assert.Null(dismissed.QuerySelector($".flag-list:not(.dismissed) li[data-flag-id='{flagId}']"));
        Assert.Contains("dismissed a flag", dismissed.QuerySelector("ol.trail")!.TextContent);

        const string exact = "The agency asked the lab to limit the preview.";
        var text = article.GetProperty("text").GetString()!;
        var start = text.IndexOf(exact, StringComparison.Ordinal);
        var proposed = await api.PostAsJsonAsync($"/api/articles/{id}/claims", new
        {
            selector = new object[] { new { type = "TextQuoteSelector", exact }, new { type = "TextPositionSelector", start, end = start + exact.Length } },
        });
        proposed.EnsureSuccessStatusCode();
        var claimId = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal("unverified", (await PageAsync(reader, id)).QuerySelector($"li.claim[data-claim-id='{claimId}']")!.GetAttribute("data-status"));
        using var rule = new HttpRequestMessage(HttpMethod.Put, $"/api/claims/{claimId}")
        {
            Content = JsonContent.Create(new { status = "disputed", note = "The agency denies it.", evidence = new[] { new { url = "https://agency.example/statement", note = "Denial." } } }),
        };
        rule.Headers.TryAddWithoutValidation("If-Match", proposed.Headers.ETag!.Tag);
        (await api.SendAsync(rule)).EnsureSuccessStatusCode();
        var status = (await api.GetFromJsonAsync<JsonElement>($"/api/claims/{claimId}")).GetProperty("status").GetString();
        Assert.NotEqual("unverified", status);
        Assert.Equal(status, (await PageAsync(reader, id)).QuerySelector($"li.claim[data-claim-id='{claimId}']")!.GetAttribute("data-status"));

        var openAi = (await PageAsync(reader, id)).QuerySelectorAll("#entities li.entity-chip").First(li => li.TextContent.Contains("OpenAI")).GetAttribute("data-entity-id");
        (await api.DeleteAsync($"/api/articles/{id}/entities/{openAi}")).EnsureSuccessStatusCode();
        Assert.DoesNotContain("OpenAI", (await PageAsync(reader, id)).QuerySelectorAll("#entities a.chip").Select(a => a.TextContent));
    }

    [Fact]
    public async Task A_source_rating_shows_at_the_next_view()
    {
        var domain = $"shared-{Guid.NewGuid():N}.example";
        var (id, api) = await FlaggedArticleAsync($"https://{domain}/story", "Shared Outlet");
        using var _ = api;
        using var reader = await SignedInAsync(await app.CreateMemberAsync(Roles.Analyst));
        Assert.Contains("Unrated", (await PageAsync(reader, id)).QuerySelector(".credibility")!.TextContent);

        var source = (await api.GetFromJsonAsync<JsonElement[]>("/api/sources"))!.Single(s => s.GetProperty("domain").GetString() == domain);
        (await api.PutAsJsonAsync($"/api/sources/{source.GetProperty("id").GetInt32()}", new { credibility = "not_credible", note = "No checks." })).EnsureSuccessStatusCode();

        var page = await PageAsync(reader, id);
        Assert.Equal("Not credible", page.QuerySelector(".credibility")!.TextContent);
        Assert.Contains("Low-credibility source", page.QuerySelector(".flag-list:not(.dismissed):not(.retired)")!.TextContent);
    }

    [Fact]
    public async Task A_message_from_the_last_action_shows_once_on_the_page()
    {
        var (id, api) = await FlaggedArticleAsync();
        using var _ = api;
        using var editor = await SignedInAsync(await app.CreateMemberAsync(Roles.Editor));
        await PageAsync(editor, id);

        var unknown = await editor.SubmitAsync($"/articles/{id}", $"/articles/{id}/entities", new() { ["name"] = "No Such Body" });
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);

        Assert.Contains("No entity is called", (await PageAsync(editor, id)).GetElementById("entities")!.TextContent);
        var next = await PageAsync(editor, id);
        Assert.DoesNotContain("No entity is called", next.GetElementById("entities")!.TextContent);
        Assert.NotEmpty(next.QuerySelectorAll("#entities form")); // and the shared page is back, with the Editor's controls
    }
}
