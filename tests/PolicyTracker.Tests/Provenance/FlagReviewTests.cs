using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Tests.Provenance;

public sealed class FlagReviewTests(SharedApp app) : IClassFixture<SharedApp>
{
    async Task<(int ArticleId, int FlagId)> FlaggedArticleAsync(HttpClient editor)
    {
        var created = await editor.PostAsJsonAsync("/api/articles", new
        {
            title = "Flag review",
            content = $"The agency opened a consultation on Monday, officials said. ({Guid.NewGuid()})\n\nThis article is AI-generated content.",
            contentType = "text",
            author = "R. Editor",
            publishedAt = "2026-06-01T10:00:00Z",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var article = await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
        var flag = article.GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "ai-generated");
        return (id, flag.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task An_editor_dismisses_with_a_reason_and_restores_and_each_step_is_audited_and_pushed_live()
    {
        var editorMember = await app.CreateMemberAsync(Roles.Editor, "Eda Editor");
        using var editor = await app.CreateApiClientAsync(editorMember);
        var (articleId, flagId) = await FlaggedArticleAsync(editor);
        await using var hub = await app.ConnectHubAsync(await app.CreateMemberAsync(Roles.Analyst));
        var pushed = Channel.CreateUnbounded<EventMessage>();
        hub.On<EventMessage>(EventTypes.FlagUpdated, e => pushed.Writer.TryWrite(e));
        await hub.InvokeAsync<JoinResult>("JoinArticle", articleId);

        var noReason = await editor.PostAsJsonAsync($"/api/flags/{flagId}/dismiss", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        var dismissed = await editor.PostAsJsonAsync($"/api/flags/{flagId}/dismiss", new { reason = "The disclaimer belongs to a quoted press release." });
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            var e = await pushed.Reader.ReadAsync(timeout.Token);
            Assert.Equal(articleId, e.ArticleId);
            Assert.True(e.Data.GetProperty("dismissed").GetBoolean());
        }
        var article = await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}");
        Assert.True(article.GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("id").GetInt32() == flagId).GetProperty("dismissed").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/flags/{flagId}/restore", null)).StatusCode);
        var trail = await editor.GetFromJsonAsync<JsonElement[]>($"/api/articles/{articleId}/flag-audit");
        Assert.Equal(["dismissed", "restored"], trail!.Select(t => t.GetProperty("action").GetString()));
        Assert.Equal("Eda Editor", trail![0].GetProperty("by").GetString());
        Assert.Equal("The disclaimer belongs to a quoted press release.", trail[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Analysts_cannot_dismiss_flags_and_unknown_flags_are_404()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var (_, flagId) = await FlaggedArticleAsync(editor);
        using var analyst = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"/api/flags/{flagId}/dismiss", new { reason = "no" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsJsonAsync("/api/flags/999999/dismiss", new { reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task The_article_page_offers_dismissal_to_editors_only()
    {
        var editorMember = await app.CreateMemberAsync(Roles.Editor);
        using var editor = await app.CreateApiClientAsync(editorMember);
        var (articleId, flagId) = await FlaggedArticleAsync(editor);

        using var editorBrowser = app.CreateBrowser();
        await editorBrowser.SignInAsync(editorMember.Email, editorMember.Password);
        var response = await editorBrowser.SubmitAsync($"/articles/{articleId}", $"/articles/{articleId}/flags/{flagId}/dismiss", new() { ["reason"] = "Checked with the outlet." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await editorBrowser.GetPageAsync($"/articles/{articleId}");
        Assert.Contains("Checked with the outlet.", page);

        var analyst = await app.CreateMemberAsync(Roles.Analyst);
        using var analystBrowser = app.CreateBrowser();
        await analystBrowser.SignInAsync(analyst.Email, analyst.Password);
        Assert.DoesNotContain("/dismiss\"", await analystBrowser.GetPageAsync($"/articles/{articleId}"));
    }
}
