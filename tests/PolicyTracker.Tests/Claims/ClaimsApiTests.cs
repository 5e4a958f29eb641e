using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Live;
using static PolicyTracker.Tests.Claims.ClaimsFixtures;

namespace PolicyTracker.Tests.Claims;

public sealed class ClaimsApiTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Ingest_suggests_checkable_sentences_and_editors_accept_or_dismiss_them()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var articleId = await CreateArticleAsync(editor);

        var all = await editor.GetFromJsonAsync<JsonElement[]>($"/api/articles/{articleId}/claims");
        var suggested = all!.Where(c => c.GetProperty("suggestion").GetString() == "suggested").ToList();
        Assert.Equal([Request, "Corvid Labs confirmed that it had received the letter.", "A ministry spokesperson said the review would take 30 days."], suggested.Select(c => c.GetProperty("exact").GetString()));
        var first = suggested[0];
        var selector = first.GetProperty("selector").EnumerateArray().ToList();
        Assert.Equal("TextQuoteSelector", selector[0].GetProperty("type").GetString());
        Assert.Equal(0, selector[1].GetProperty("start").GetInt32());
        Assert.Equal(Request.Length, selector[1].GetProperty("end").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/claims/{first.GetProperty("id").GetInt32()}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsJsonAsync($"/api/claims/{suggested[1].GetProperty("id").GetInt32()}/dismiss", new { note = "Routine." })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync($"/api/claims/{first.GetProperty("id").GetInt32()}/accept", null)).StatusCode);

        var after = await editor.GetFromJsonAsync<JsonElement[]>($"/api/articles/{articleId}/claims?suggestions=false");
        var accepted = Assert.Single(after!);
        Assert.Equal("unverified", accepted.GetProperty("status").GetString());
        Assert.Equal("accepted", accepted.GetProperty("suggestion").GetString());
    }

    [Fact]
    public async Task Rulings_need_a_known_status_a_note_evidence_for_verified_and_false_and_if_match()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var articleId = await CreateArticleAsync(editor);
        var (id, etag) = await ProposedClaimAsync(editor, articleId);

        async Task<string> Refused(HttpRequestMessage request, HttpStatusCode expected)
        {
            var response = await editor.SendAsync(request);
            Assert.Equal(expected, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
        }

        Assert.Contains("not a claim status", await Refused(Rule(id, etag, new { status = "mostly-true", note = "x" }), HttpStatusCode.BadRequest));
        Assert.Contains("needs a note", await Refused(Rule(id, etag, new { status = "disputed", note = " " }), HttpStatusCode.BadRequest));
        Assert.Contains("evidence", await Refused(Rule(id, etag, new { status = "verified", note = "Looks right." }), HttpStatusCode.BadRequest));
        Assert.Contains("evidence", await Refused(Rule(id, etag, new { status = "false", note = "Wrong.", evidence = Array.Empty<object>() }), HttpStatusCode.BadRequest));
        Assert.Contains("needs a note", await Refused(Rule(id, etag, new { status = "false", note = "Wrong.", evidence = new[] { new { url = "https://x.example/" } } }), HttpStatusCode.BadRequest));
        Assert.Contains("does not exist", await Refused(Rule(id, etag, new { status = "false", note = "Wrong.", evidence = new[] { new { articleId = 99999999, note = "n" } } }), HttpStatusCode.BadRequest));
        Assert.Contains("two-person rule", await Refused(Rule(id, etag, new { status = "pending_signoff", note = "x" }), HttpStatusCode.BadRequest));
        Assert.Contains("If-Match", await Refused(Rule(id, null, new { status = "disputed", note = "x" }), HttpStatusCode.PreconditionRequired));

        // Nothing above changed the claim.
        var claim = await editor.GetFromJsonAsync<JsonElement>($"/api/claims/{id}");
        Assert.Equal("unverified", claim.GetProperty("status").GetString());
        Assert.Equal(["proposed"], claim.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()));

        var otherArticle = await CreateArticleAsync(editor);
        var ok = await editor.SendAsync(Rule(id, etag, new { status = "false", note = "The ministry denies it.", evidence = new[] { new { articleId = otherArticle, note = "The ministry's denial." } } }));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotEqual(etag, ok.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Two_editors_ruling_on_the_same_version_one_wins_and_the_other_gets_412_with_the_current_state()
    {
        using var first = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        using var second = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var articleId = await CreateArticleAsync(first);
        var (id, etag) = await ProposedClaimAsync(first, articleId);

        var responses = await Task.WhenAll(
            first.SendAsync(Rule(id, etag, Verified)),
            second.SendAsync(Rule(id, etag, new { status = "disputed", note = "The lab says the letter asked for less." })));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.PreconditionFailed);
        var winner = responses.Single(r => r.StatusCode == HttpStatusCode.OK);
        var current = await loser.Content.ReadFromJsonAsync<JsonElement>();
        var won = await winner.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(won.GetProperty("status").GetString(), current.GetProperty("status").GetString());
        Assert.Equal(winner.Headers.ETag!.Tag, loser.Headers.ETag!.Tag);
        var audit = (await first.GetFromJsonAsync<JsonElement>($"/api/claims/{id}")).GetProperty("audit");
        Assert.Single(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "ruled");
    }

    [Fact]
    public async Task Rulings_are_audited_and_pushed_live_to_the_articles_viewers()
    {
        var editorMember = await app.CreateMemberAsync(Roles.Editor, "Vera Editor");
        using var editor = await app.CreateApiClientAsync(editorMember);
        var articleId = await CreateArticleAsync(editor);
        await using var hub = await app.ConnectHubAsync(await app.CreateMemberAsync(Roles.Analyst));
        var pushed = Channel.CreateUnbounded<EventMessage>();
        hub.On<EventMessage>(EventTypes.ClaimUpdated, e => pushed.Writer.TryWrite(e));
        await hub.InvokeAsync<JoinResult>("JoinArticle", articleId);

        var (id, etag) = await ProposedClaimAsync(editor, articleId);
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(Rule(id, etag, Verified))).StatusCode);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var proposed = await pushed.Reader.ReadAsync(timeout.Token);
        var ruled = await pushed.Reader.ReadAsync(timeout.Token);
        Assert.Equal(articleId, ruled.ArticleId);
        Assert.Equal(id, ruled.Data.GetProperty("claimId").GetInt32());
        Assert.Equal("proposed", proposed.Data.GetProperty("action").GetString());
        Assert.Equal("verified", ruled.Data.GetProperty("status").GetString());
        Assert.True(ruled.Number > proposed.Number);

        var article = await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}");
        Assert.Equal("verified", Assert.Single(article.GetProperty("claims").EnumerateArray()).GetProperty("status").GetString());
        var trail = await editor.GetFromJsonAsync<JsonElement[]>($"/api/claims/{id}/audit");
        Assert.Equal(["proposed", "ruled"], trail!.Select(t => t.GetProperty("action").GetString()));
        Assert.Equal("unverified", trail![1].GetProperty("fromStatus").GetString());
        Assert.Equal("verified", trail[1].GetProperty("toStatus").GetString());
        Assert.Equal("Vera Editor", trail[1].GetProperty("by").GetString());
        Assert.Equal("https://ministry.example/letters/kestrel-4", trail[1].GetProperty("evidence")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Proposals_must_select_text_of_the_article()
    {
        using var analyst = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var articleId = await CreateArticleAsync(editor);

        var missing = await analyst.PostAsJsonAsync($"/api/articles/{articleId}/claims", new { selector = new[] { new { type = "TextQuoteSelector", exact = "words that are not there" } } });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var none = await analyst.PostAsJsonAsync($"/api/articles/{articleId}/claims", new { note = "no selector" });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var outOfRange = await analyst.PostAsJsonAsync($"/api/articles/{articleId}/claims", new { selector = new[] { new { type = "TextPositionSelector", start = 5, end = 900000 } } });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsJsonAsync("/api/articles/99999999/claims", new { selector = new[] { new { type = "TextQuoteSelector", exact = "x" } } })).StatusCode);

        // A stale position with the right quote is found by the quote.
        var byQuote = await analyst.PostAsJsonAsync($"/api/articles/{articleId}/claims", new { selector = new object[] { new { type = "TextQuoteSelector", exact = "Corvid Labs confirmed" }, new { type = "TextPositionSelector", start = 3, end = 24 } } });
        Assert.Equal(HttpStatusCode.Created, byQuote.StatusCode);
        var claim = await byQuote.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Request.Length + 1, claim.GetProperty("start").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PostAsJsonAsync($"/api/articles/{articleId}/claims", new { selector = new[] { new { type = "TextQuoteSelector", exact = "Corvid Labs confirmed" } } })).StatusCode);
    }
}

public sealed class ClaimsOpenApiTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Every_claim_action_is_in_the_openapi_document()
    {
        using var client = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        (string Path, string Method)[] expected =
        [
            ("/api/articles/{articleId}/claims", "get"), ("/api/articles/{articleId}/claims", "post"),
            ("/api/claims", "get"), ("/api/claims/{id}", "get"), ("/api/claims/{id}", "put"), ("/api/claims/{id}/audit", "get"),
            ("/api/claims/{id}/signoff", "post"), ("/api/claims/{id}/accept", "post"), ("/api/claims/{id}/dismiss", "post"),
            ("/api/claims/{id}/assign", "post"), ("/api/claims/{id}/claimreview", "get"), ("/api/claims/export", "get"),
        ];
        foreach (var (path, method) in expected)
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), $"{method} {path} is missing");
    }
}
