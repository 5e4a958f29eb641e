using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Accounts;

public sealed class TokenTests(SharedApp app) : IClassFixture<SharedApp>
{
    static readonly object Article = new { title = "Token test", content = "Body of a token test " + Guid.NewGuid(), contentType = "text" };

    [Fact]
    public async Task A_valid_token_reads_the_api()
    {
        using var client = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("pt_unknownunknownunknownunknownunknown")]
    public async Task A_malformed_or_unknown_token_gets_401(string token)
    {
        using var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/articles");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_revoked_token_gets_401()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var client = await app.CreateApiClientAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode);

        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);
        var profile = await browser.GetPageAsync("/account");
        var revokeAction = System.Text.RegularExpressions.Regex.Match(profile, "/account/tokens/\\d+/revoke").Value;
        var revoked = await browser.SubmitAsync("/account", revokeAction, []);
        Assert.Contains("Token revoked.", await revoked.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/articles")).StatusCode);
    }

    [Fact]
    public async Task A_read_only_token_reads_but_gets_403_for_a_write()
    {
        using var client = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor), readOnly: true);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode);
        var write = await client.PostAsJsonAsync("/api/articles", Article);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_without_the_role_gets_403()
    {
        using var client = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/articles", Article)).StatusCode);
    }

    [Fact]
    public async Task Tokens_of_a_disabled_member_stop_working()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var client = await app.CreateApiClientAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode);

        var admin = await app.CreateMemberAsync(Roles.Admin);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(admin.Email, admin.Password);
        await browser.SubmitAsync("/admin", $"/admin/users/{member.Id}/disable", []);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/articles")).StatusCode);
        using var other = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await other.SignInAsync(member.Email, member.Password)).StatusCode); // refused: the form again
    }

    [Fact]
    public async Task Creating_a_token_on_the_account_page_shows_it_once_and_stores_only_a_hash()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);

        var page = await (await browser.SubmitAsync("/account", "/account/tokens", new() { ["Name"] = "my script" })).Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(page, "pt_[A-Za-z0-9_-]{20,}").Value;
        Assert.NotEmpty(secret);

        Assert.DoesNotContain(secret, await browser.GetPageAsync("/account"));
        using var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode);
    }
}
