using System.Net;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Accounts;

public sealed class SignInTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Member_signs_in_sees_articles_and_signs_out()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var browser = app.CreateBrowser();

        var signIn = await browser.SignInAsync(member.Email, member.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        Assert.Contains("article-row", await browser.GetPageAsync("/articles"));

        var signOut = await browser.SubmitAsync("/articles", "/account/signout", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var after = await browser.GetAsync("/articles");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/signin", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_message()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var browser = app.CreateBrowser();

        var wrongPassword = await (await browser.SignInAsync(member.Email, "not the password 1")).Content.ReadAsStringAsync();
        var unknownUser = await (await browser.SignInAsync("nobody@example.test", "not the password 1")).Content.ReadAsStringAsync();

        var message = System.Net.WebUtility.HtmlEncode(AccountController.SignInFailed);
        Assert.Contains(message, wrongPassword);
        Assert.Contains(message, unknownUser);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var browser = app.CreateBrowser();
        for (var i = 0; i < 5; i++) await browser.SignInAsync(member.Email, "wrong password 9");

        var withRightPassword = await browser.SignInAsync(member.Email, member.Password);

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode); // the form again, not a redirect
        Assert.Contains(System.Net.WebUtility.HtmlEncode(AccountController.SignInFailed), await withRightPassword.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_in_form_without_antiforgery_token_is_refused()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var browser = app.CreateBrowser();

        var response = await browser.PostWithoutTokenAsync("/account/signin", new() { ["Email"] = member.Email, ["Password"] = member.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_retires_the_old_one()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);

        var changed = await browser.SubmitAsync("/account", "/account/password",
            new() { ["CurrentPassword"] = member.Password, ["NewPassword"] = "a brand new secret 7" });
        Assert.Contains("Password changed.", await changed.Content.ReadAsStringAsync());

        using var other = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await other.SignInAsync(member.Email, member.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync(member.Email, "a brand new secret 7")).StatusCode);
    }

    [Fact]
    public async Task Pages_redirect_to_sign_in_while_api_paths_answer_401()
    {
        using var browser = app.CreateBrowser();

        var page = await browser.GetAsync("/articles");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/signin", page.Headers.Location!.PathAndQuery);

        foreach (var path in new[] { "/api/articles", "/api/articles/1", "/annotations/articles/1/", "/hubs/tracker/negotiate" })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}

/// <summary>A separate app, so the rate limit of one client does not disturb other tests.</summary>
public sealed class SignInRateLimitTests : IAsyncLifetime
{
    readonly TrackerApp app = new();

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429()
    {
        using var browser = app.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++) statuses.Add((await browser.SignInAsync($"someone{i}@example.test", "wrong password 1")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
