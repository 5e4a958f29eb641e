using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Ingestion;

public sealed class UrlIngestionTests(SiteAndApp fixture) : IClassFixture<SiteAndApp>
{
    LocalSite Site => fixture.Site;
    TrackerApp App => fixture.App;

    async Task<HttpClient> EditorAsync() => await App.CreateApiClientAsync(await App.CreateMemberAsync(Roles.Editor));

    static string Unique(string path) => $"/{Guid.NewGuid():N}{path}";

    [Fact]
    public async Task A_page_becomes_one_article_with_its_metadata_and_snapshot()
    {
        var path = Unique("/ministry-preview");
        Site.Serve(path, IngestionFixtures.Page("Ministry asks lab to limit preview", IngestionFixtures.PreviewBody),
            headers: r => r.Headers["AI-Disclosure"] = "none");
        using var client = await EditorAsync();

        var response = await client.PostAsJsonAsync("/api/ingest", new { url = Site.Url(path) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var item = Assert.Single(report.GetProperty("articles").EnumerateArray());
        Assert.Equal("created", item.GetProperty("status").GetString());
        var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{item.GetProperty("id").GetInt32()}");
        Assert.Equal("Ministry asks lab to limit preview", article.GetProperty("title").GetString());
        Assert.Equal("Mara Quinn", article.GetProperty("author").GetString());
        Assert.Equal(Site.Address.Host, article.GetProperty("source").GetProperty("domain").GetString());
        Assert.Equal(new DateTime(2026, 4, 14, 9, 30, 0, DateTimeKind.Utc), article.GetProperty("publishedAt").GetDateTime().ToUniversalTime());
        var text = article.GetProperty("text").GetString()!;
        Assert.StartsWith("The ministry asked the lab", text);
        Assert.DoesNotContain("Related", text);
        Assert.DoesNotContain("Copyright", text);
        var revision = Assert.Single(article.GetProperty("revisions").EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, revision.GetProperty("snapshotId").ValueKind);
    }

    [Fact]
    public async Task Fetching_the_same_page_again_changes_nothing_and_a_changed_page_becomes_a_revision()
    {
        var path = Unique("/changing");
        Site.Serve(path, IngestionFixtures.Page("Export rule update", "<p>The bureau published the first version of the export rule on model weights today.</p>"));
        using var client = await EditorAsync();
        var first = await (await client.PostAsJsonAsync("/api/ingest", new { url = Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();
        var id = first.GetProperty("articles")[0].GetProperty("id").GetInt32();

        var again = await (await client.PostAsJsonAsync("/api/ingest", new { url = Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicate", again.GetProperty("articles")[0].GetProperty("status").GetString());

        Site.Serve(path, IngestionFixtures.Page("Export rule update", "<p>The bureau corrected the export rule on model weights today, narrowing its scope.</p>"));
        var changed = await (await client.PostAsJsonAsync("/api/ingest", new { url = Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("updated", changed.GetProperty("articles")[0].GetProperty("status").GetString());
        Assert.Equal(id, changed.GetProperty("articles")[0].GetProperty("id").GetInt32());

        var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
        Assert.Equal(2, article.GetProperty("revisions").GetArrayLength());
        Assert.Contains("narrowing its scope", article.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_feed_brings_in_each_item_once()
    {
        var path = Unique("/feed.xml");
        var a = Site.Url(Unique("/a")).ToString();
        var b = Site.Url(Unique("/b")).ToString();
        Site.Serve(path, IngestionFixtures.Rss(Site.Address.ToString(),
            ("Agency opens consultation on model testing", a, "<p>The agency opened a consultation on voluntary model testing for frontier labs.</p>", "Tue, 14 Apr 2026 09:30:00 GMT"),
            ("Lab publishes system card", b, "<p>The lab published a system card describing evaluations run before the release.</p>", "Wed, 15 Apr 2026 10:00:00 +0200")),
            "application/rss+xml");
        using var client = await EditorAsync();

        var report = await (await client.PostAsJsonAsync("/api/ingest", new { url = Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();

        var items = report.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("created", i.GetProperty("status").GetString()));
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{items[1].GetProperty("id").GetInt32()}");
        Assert.Equal(new DateTime(2026, 4, 15, 8, 0, 0, DateTimeKind.Utc), second.GetProperty("publishedAt").GetDateTime().ToUniversalTime());
        Assert.Equal("Policy Desk", second.GetProperty("author").GetString());

        var again = await (await client.PostAsJsonAsync("/api/ingest", new { url = Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.All(again.GetProperty("articles").EnumerateArray(), i => Assert.Equal("duplicate", i.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task An_atom_feed_is_read_too()
    {
        var path = Unique("/atom.xml");
        Site.Serve(path, IngestionFixtures.Atom(Site.Address.ToString(),
            ("Parliament passes evaluation bill", Site.Url(Unique("/bill")).ToString(), "<p>The parliament passed the evaluation bill by a wide margin on Thursday.</p>", "2026-06-09T12:00:00Z")),
            "application/atom+xml");
        using var client = await EditorAsync();

        var report = await (await client.PostAsJsonAsync("/api/ingest", new { url = Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();

        var item = Assert.Single(report.GetProperty("articles").EnumerateArray());
        var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{item.GetProperty("id").GetInt32()}");
        Assert.Equal("Ivo Brandt", article.GetProperty("author").GetString());
        Assert.Equal("The parliament passed the evaluation bill by a wide margin on Thursday.", article.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("/missing", 422, "404")]
    [InlineData("/image", 422, "image/png")]
    [InlineData("/empty-page", 422, "no article text")]
    public async Task A_page_that_cannot_be_read_gets_a_problem_saying_why(string path, int status, string reason)
    {
        Site.Serve("/image", "\u0089PNG", "image/png");
        Site.Serve("/empty-page", "<html><head><title>Menu</title></head><body><nav>Home</nav></body></html>");
        using var client = await EditorAsync();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/articles?pageSize=1")).GetProperty("total").GetInt32();

        var response = await client.PostAsJsonAsync("/api/ingest", new { url = Site.Url(path) });

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/articles?pageSize=1")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://files.example/x")]
    public async Task An_invalid_address_gets_400(string url)
    {
        using var client = await EditorAsync();
        var response = await client.PostAsJsonAsync("/api/ingest", new { url });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Loopback_addresses_that_are_not_allowed_are_refused()
    {
        using var client = await EditorAsync();
        var other = new Uri($"http://localhost:{Site.Address.Port}/anything");

        var response = await client.PostAsJsonAsync("/api/ingest", new { url = other });

        Assert.Equal(422, (int)response.StatusCode);
        Assert.Equal(0, Site.Hits.GetValueOrDefault("/anything"));
    }

    [Fact]
    public async Task Analysts_cannot_ingest()
    {
        using var client = await App.CreateApiClientAsync(await App.CreateMemberAsync(Roles.Analyst));
        var response = await client.PostAsJsonAsync("/api/ingest", new { url = Site.Url("/x") });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
