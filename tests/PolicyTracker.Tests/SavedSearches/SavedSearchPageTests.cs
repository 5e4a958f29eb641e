using System.Net;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using static PolicyTracker.Tests.SavedSearches.SavedSearchTesting;

namespace PolicyTracker.Tests.SavedSearches;

public sealed class SavedSearchPageTests(SharedApp app) : IClassFixture<SharedApp>
{
    async Task<BrowserLikeClient> SignedInAsync(Member member)
    {
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(member.Email, member.Password)).StatusCode);
        return browser;
    }

    [Fact]
    public async Task The_search_page_saves_the_search_on_display_and_its_page_lists_matches()
    {
        var word = UniqueWord();
        using var browser = await SignedInAsync(await app.CreateMemberAsync(Roles.Analyst));

        var saved = await browser.SubmitAsync($"/search?q={word}&source=Meridian+Wire", "/saved-searches", new() { ["name"] = "From search" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.ToString();
        Assert.Matches(@"^/saved-searches/\d+$", location);
        var page = await browser.GetPageAsync(location);
        Assert.Contains("From search", page);
        Assert.Contains("source: Meridian Wire", page);

        await AddArticleAsync(app, $"Wire reports {word} change", "Not from Meridian Wire as a source, so no match.");
        await Task.Delay(1500);
        Assert.Contains("No matches yet", await browser.GetPageAsync(location));
        Assert.Contains(">Saved searches <", await browser.GetPageAsync("/articles"));
    }

    [Fact]
    public async Task A_bad_query_comes_back_with_the_reason_and_the_form_filled_in()
    {
        using var browser = await SignedInAsync(await app.CreateMemberAsync(Roles.Analyst));

        var response = await browser.SubmitAsync("/saved-searches", "/saved-searches", new() { ["name"] = "Broken", ["query"] = "\"unclosed" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("could not be read", html);
        Assert.Contains("value=\"Broken\"", html);
    }

    [Fact]
    public async Task Forms_need_the_antiforgery_token()
    {
        using var browser = await SignedInAsync(await app.CreateMemberAsync(Roles.Analyst));
        var response = await browser.PostWithoutTokenAsync("/saved-searches", new() { ["name"] = "n", ["query"] = "export" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Someone_elses_saved_search_page_is_not_found()
    {
        using var ownerApi = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        var id = (await SaveAsync(ownerApi, "Private", UniqueWord())).GetProperty("id").GetInt32();
        using var other = await SignedInAsync(await app.CreateMemberAsync(Roles.Analyst));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/saved-searches/{id}")).StatusCode);
        // A valid antiforgery token of their own does not let them delete it either.
        var token = System.Text.RegularExpressions.Regex.Match(await other.GetPageAsync("/saved-searches"), @"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""").Groups[1].Value;
        var delete = await other.PostWithoutTokenAsync($"/saved-searches/{id}/delete", new() { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerApi.GetAsync($"/api/saved-searches/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_feed_address_with_a_read_only_token_is_made_on_request()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var api = await app.CreateApiClientAsync(member);
        var id = (await SaveAsync(api, "Feed me", UniqueWord())).GetProperty("id").GetInt32();
        using var browser = await SignedInAsync(member);

        var response = await browser.SubmitAsync($"/saved-searches/{id}", $"/saved-searches/{id}/feed-token", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await browser.GetPageAsync($"/saved-searches/{id}");
        var url = System.Text.RegularExpressions.Regex.Match(page, @"<code class=""feed-url"">([^<]+)</code>").Groups[1].Value;
        using var reader = new HttpClient();
        var feed = await reader.GetAsync(WebUtility.HtmlDecode(url));

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">", await feed.Content.ReadAsStringAsync());
        var withoutWrite = await reader.PostAsync(WebUtility.HtmlDecode(url).Replace($"/{id}/feed", $"/{id}/seen"), null);
        Assert.Equal(HttpStatusCode.Forbidden, withoutWrite.StatusCode);
    }
}
