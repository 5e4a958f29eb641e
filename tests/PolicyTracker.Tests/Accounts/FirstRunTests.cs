using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Accounts;

public sealed class FirstRunTests
{
    [Fact]
    public async Task The_one_time_link_creates_the_first_admin_who_sees_the_imported_articles()
    {
        await using var app = new TrackerApp();
        string secret;
        await using (var scope = app.Services.CreateAsyncScope())
            secret = (await scope.ServiceProvider.GetRequiredService<FirstRunSetup>().IssueAsync())!;
        using var browser = app.CreateBrowser();

        var done = await browser.SubmitAsync($"/setup?token={secret}", "/setup",
            new() { ["Email"] = "first@example.test", ["DisplayName"] = "First Admin", ["Password"] = "first admin pass 1" });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var list = await browser.GetPageAsync("/articles");
        Assert.Contains("article-row", list);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin")).StatusCode);

        // The link is spent, and no other link works once a member exists.
        Assert.Contains("not valid", await browser.GetPageAsync($"/setup?token={secret}"));
        await using var scope2 = app.Services.CreateAsyncScope();
        Assert.Null(await scope2.ServiceProvider.GetRequiredService<FirstRunSetup>().IssueAsync());
    }

    [Fact]
    public async Task A_wrong_setup_token_shows_no_form()
    {
        await using var app = new TrackerApp();
        using var browser = app.CreateBrowser();

        var page = await browser.GetPageAsync("/setup?token=setup_guess");

        Assert.Contains("not valid", page);
        Assert.DoesNotContain("name=\"Password\"", page);
    }

    [Fact]
    public async Task A_rejected_form_keeps_the_link_usable()
    {
        await using var app = new TrackerApp();
        string secret;
        await using (var scope = app.Services.CreateAsyncScope())
            secret = (await scope.ServiceProvider.GetRequiredService<FirstRunSetup>().IssueAsync())!;
        using var browser = app.CreateBrowser();

        var weak = await browser.SubmitAsync($"/setup?token={secret}", "/setup",
            new() { ["Email"] = "first@example.test", ["Password"] = "NOLOWERCASE1234" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("lowercase", await weak.Content.ReadAsStringAsync());

        var ok = await browser.SubmitAsync($"/setup?token={secret}", "/setup",
            new() { ["Email"] = "first@example.test", ["Password"] = "now it is fine 9" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }
}
