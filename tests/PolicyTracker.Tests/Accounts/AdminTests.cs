using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Accounts;

public sealed class AdminTests(SharedApp app) : IClassFixture<SharedApp>
{
    async Task<BrowserLikeClient> SignedInAsync(Member member)
    {
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(member.Email, member.Password)).StatusCode);
        return browser;
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Editor)]
    public async Task Only_admins_reach_the_admin_page(string role)
    {
        using var browser = await SignedInAsync(await app.CreateMemberAsync(role));

        var response = await browser.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("href=\"/admin\"", await browser.GetPageAsync("/articles"));
    }

    [Fact]
    public async Task Admin_adds_a_member_who_can_then_sign_in()
    {
        using var browser = await SignedInAsync(await app.CreateMemberAsync(Roles.Admin));
        var email = $"new-{Guid.NewGuid():N}@example.test";

        var page = await (await browser.SubmitAsync("/admin", "/admin/users",
            new() { ["Email"] = email, ["DisplayName"] = "New Person", ["Role"] = "Editor" })).Content.ReadAsStringAsync();

        var password = System.Text.RegularExpressions.Regex.Match(page, "shown once: ([A-Za-z0-9]{16})").Groups[1].Value;
        Assert.True(password.Length == 16, page);
        using var newcomer = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.SignInAsync(email, password)).StatusCode);
    }

    [Fact]
    public async Task Admin_changes_a_role_and_it_takes_effect()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var admin = await SignedInAsync(await app.CreateMemberAsync(Roles.Admin));

        await admin.SubmitAsync("/admin", $"/admin/users/{member.Id}/role", new() { ["role"] = "Admin" });

        using var promoted = await SignedInAsync(member);
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Admin_resets_a_password()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var admin = await SignedInAsync(await app.CreateMemberAsync(Roles.Admin));

        var page = await (await admin.SubmitAsync("/admin", $"/admin/users/{member.Id}/reset-password", [])).Content.ReadAsStringAsync();
        var password = System.Text.RegularExpressions.Regex.Match(page, "shown once: ([A-Za-z0-9]{16})").Groups[1].Value;

        using var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync(member.Email, member.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(member.Email, password)).StatusCode);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_demoted_or_disabled()
    {
        await using var lone = new TrackerApp();
        var admin = await lone.CreateMemberAsync(Roles.Admin);
        await using var scope = lone.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountDirectory>();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<TrackerUser>>().FindByIdAsync(admin.Id);

        Assert.False((await accounts.SetRoleAsync(user!, Roles.Editor)).Succeeded);
        Assert.False((await accounts.SetDisabledAsync(user!, true)).Succeeded);
    }

    [Fact]
    public async Task Unknown_role_is_refused_with_a_message()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountDirectory>()
            .CreateUserAsync($"x-{Guid.NewGuid():N}@example.test", "Owner", "long enough 12");
        Assert.Contains("is not a role", result.Error);
    }
}
