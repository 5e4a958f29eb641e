using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using static PolicyTracker.Tests.Claims.ClaimsFixtures;

namespace PolicyTracker.Tests.Claims;

public sealed class ClaimPagesTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task The_article_page_lists_claims_and_suggestions_outside_the_body_with_a_summary()
    {
        var member = await app.CreateMemberAsync(Roles.Editor);
        using var editor = await app.CreateApiClientAsync(member);
        var articleId = await CreateArticleAsync(editor);
        var (id, etag) = await ProposedClaimAsync(editor, articleId);
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(Rule(id, etag, Verified))).StatusCode);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);

        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/articles/{articleId}"));

        var article = await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}");
        Assert.Equal(article.GetProperty("text").GetString(), page.GetElementById("article-body")!.TextContent);
        Assert.Equal("1 claim: 1 verified", page.GetElementById("claim-summary")!.TextContent);
        var claim = page.QuerySelector($"#claims .claim[data-claim-id='{id}']")!;
        Assert.Equal("verified", claim.GetAttribute("data-status"));
        Assert.Equal("0", claim.GetAttribute("data-start"));
        Assert.Equal(2, page.QuerySelectorAll("#claims .suggestions .claim-accept").Length);

        var list = new HtmlParser().ParseDocument(await browser.GetPageAsync("/articles"));
        Assert.Contains(list.QuerySelectorAll(".article-row"), row => row.QuerySelector($"a[href='/articles/{articleId}']") is not null
            && row.QuerySelector(".claim-summary")?.TextContent == "1 claim: 1 verified");
    }

    [Fact]
    public async Task The_claim_page_shows_the_audit_trail_and_embeds_claimreview_only_once_ruled_verified_or_false()
    {
        var member = await app.CreateMemberAsync(Roles.Editor, "Page Editor");
        using var editor = await app.CreateApiClientAsync(member);
        var articleId = await CreateArticleAsync(editor);
        var (id, etag) = await ProposedClaimAsync(editor, articleId);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);

        var before = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/claims/{id}"));
        Assert.Null(before.QuerySelector("script[type='application/ld+json']"));

        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(Rule(id, etag, Verified))).StatusCode);
        var after = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/claims/{id}"));
        var ld = JsonDocument.Parse(after.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("ClaimReview", ld.GetProperty("@type").GetString());
        Assert.Equal("Verified", ld.GetProperty("reviewRating").GetProperty("alternateName").GetString());
        var steps = after.QuerySelectorAll("#claim-trail li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, steps.Count);
        Assert.Contains("Page Editor ruled (Unverified → Verified): The ministry published the letter.", steps[1]);
        Assert.Contains("https://ministry.example/letters/kestrel-4", steps[1]);
    }

    [Fact]
    public async Task The_review_queue_filters_by_status_and_assigns_to_me()
    {
        var member = await app.CreateMemberAsync(Roles.Editor, "Queue Editor");
        using var editor = await app.CreateApiClientAsync(member);
        var articleId = await CreateArticleAsync(editor);
        var (id, etag) = await ProposedClaimAsync(editor, articleId);
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(Rule(id, etag, new { status = "disputed", note = "The lab disagrees." }))).StatusCode);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);

        var queue = new HtmlParser().ParseDocument(await browser.GetPageAsync("/claims?status=disputed"));
        Assert.NotNull(queue.QuerySelector($"a[href='/claims/{id}']"));
        Assert.All(queue.QuerySelectorAll("tbody .claim-status"), s => Assert.Equal("Disputed", s.TextContent));
        var assigned = await browser.SubmitAsync("/claims?status=disputed", $"/claims/{id}/assign", new() { ["returnUrl"] = "/claims?status=disputed" });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var mine = new HtmlParser().ParseDocument(await browser.GetPageAsync("/claims?mine=true"));
        Assert.NotNull(mine.QuerySelector($"a[href='/claims/{id}']"));

        var analyst = await app.CreateMemberAsync(Roles.Analyst);
        using var analystBrowser = app.CreateBrowser();
        await analystBrowser.SignInAsync(analyst.Email, analyst.Password);
        Assert.NotEqual(HttpStatusCode.OK, (await analystBrowser.GetAsync("/claims")).StatusCode);
    }
}
