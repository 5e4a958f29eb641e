using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Sources;

public sealed class SourceRatingTests(SharedApp app) : IClassFixture<SharedApp>
{
    /// <summary>The kinds of the flags raised now (retired ones carry <c>retiredAt</c>).</summary>
    static IEnumerable<string> Kinds(JsonElement article) => FlagJson.Raised(article).Select(f => f.GetProperty("kind").GetString()!);

    [Fact]
    public async Task Rating_a_new_source_re_evaluates_its_articles()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var domain = $"new-{Guid.NewGuid():N}.example";
        var created = await editor.PostAsJsonAsync("/api/articles", new
        {
            title = "From a new outlet", content = $"The ministry published the list on Monday, officials said. {Guid.NewGuid()}",
            contentType = "text", url = $"https://{domain}/story", source = "Fresh Outlet", author = "A. B.", publishedAt = "2026-01-02T00:00:00Z",
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Contains("unknown-source", Kinds(await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{id}")));

        var sources = await editor.GetFromJsonAsync<JsonElement[]>("/api/sources");
        var source = sources!.Single(s => s.GetProperty("domain").GetString() == domain);
        Assert.True(source.GetProperty("discovered").GetBoolean());
        Assert.Equal(1, source.GetProperty("articles").GetInt32());

        var rated = await editor.PutAsJsonAsync($"/api/sources/{source.GetProperty("id").GetInt32()}", new { credibility = "not_credible", note = "Recycles press releases without checks." });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);

        var kinds = Kinds(await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{id}")).ToList();
        Assert.DoesNotContain("unknown-source", kinds);
        Assert.Contains("low-credibility-source", kinds);
        // The flag that stopped applying is kept, retired, with the reason.
        var article = await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
        var retired = article.GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "unknown-source");
        Assert.Equal("source rated not_credible", retired.GetProperty("retiredNote").GetString());

        // Rated up and down again, the same low-credibility flag returns rather than a copy of it.
        var sourceUrl = $"/api/sources/{source.GetProperty("id").GetInt32()}";
        var lowId = FlagJson.Raised(article).Single(f => f.GetProperty("kind").GetString() == "low-credibility-source").GetProperty("id").GetInt32();
        (await editor.PutAsJsonAsync(sourceUrl, new { credibility = "credible" })).EnsureSuccessStatusCode();
        Assert.DoesNotContain("low-credibility-source", Kinds(await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{id}")));
        (await editor.PutAsJsonAsync(sourceUrl, new { credibility = "not_credible" })).EnsureSuccessStatusCode();
        article = await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
        Assert.Equal(lowId, FlagJson.Raised(article).Single(f => f.GetProperty("kind").GetString() == "low-credibility-source").GetProperty("id").GetInt32());
        Assert.Single(article.GetProperty("flags").EnumerateArray(), f => f.GetProperty("kind").GetString() == "low-credibility-source");
    }

    [Fact]
    public async Task Bad_ratings_and_analysts_are_refused()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        using var analyst = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        var id = (await editor.GetFromJsonAsync<JsonElement[]>("/api/sources"))![0].GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PutAsJsonAsync($"/api/sources/{id}", new { credibility = "trustworthy" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PutAsJsonAsync($"/api/sources/{id}", new { credibility = "credible" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PutAsJsonAsync("/api/sources/999999", new { credibility = "credible" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/sources")).StatusCode);
    }

    [Fact]
    public async Task The_sources_page_lists_outlets_with_counts_and_offers_rating_to_editors()
    {
        var editor = await app.CreateMemberAsync(Roles.Editor);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(editor.Email, editor.Password);
        var page = await browser.GetPageAsync("/sources");
        Assert.Contains("Meridian Wire", page);
        Assert.Contains("rate-form", page);

        var analyst = await app.CreateMemberAsync(Roles.Analyst);
        using var other = app.CreateBrowser();
        await other.SignInAsync(analyst.Email, analyst.Password);
        Assert.DoesNotContain("rate-form", await other.GetPageAsync("/sources"));
    }
}
