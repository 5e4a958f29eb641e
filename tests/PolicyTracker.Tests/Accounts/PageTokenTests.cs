using System.Net;
using System.Text.RegularExpressions;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Accounts;

/// <summary>Page views reuse one antiforgery token per browser and member; reuse must never let a token cross members.</summary>
public sealed partial class PageTokenTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task A_reused_page_token_still_validates_a_form()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);

        var first = Token(await browser.GetPageAsync("/articles"));
        var second = Token(await browser.GetPageAsync("/sources"));
        Assert.Equal(first, second);

        var signOut = await browser.SubmitAsync("/articles", "/account/signout", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/articles")).StatusCode);
    }

    [Fact]
    public async Task A_token_made_for_one_member_is_refused_for_the_next_in_the_same_browser()
    {
        var first = await app.CreateMemberAsync(Roles.Analyst);
        var second = await app.CreateMemberAsync(Roles.Analyst);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(first.Email, first.Password);
        var firstToken = Token(await browser.GetPageAsync("/articles"));
        await browser.SubmitAsync("/articles", "/account/signout", []);

        await browser.SignInAsync(second.Email, second.Password);
        var secondToken = Token(await browser.GetPageAsync("/articles"));
        Assert.NotEqual(firstToken, secondToken);

        var withOldToken = await browser.PostWithoutTokenAsync("/account/signout", new() { ["__RequestVerificationToken"] = firstToken });
        Assert.Equal(HttpStatusCode.BadRequest, withOldToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/articles")).StatusCode); // still signed in
    }

    [Fact]
    public async Task Pages_carrying_a_token_are_not_cached()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);
        await browser.GetPageAsync("/articles");

        using var again = await browser.GetAsync("/articles");

        Assert.Contains("no-store", again.Headers.CacheControl?.ToString());
    }

    static string Token(string html) => MetaToken().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No token in the page.");

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();
}
