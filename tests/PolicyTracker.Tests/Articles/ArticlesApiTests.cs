using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Tests.Articles;

public sealed class ArticlesApiTests(SharedApp app) : IClassFixture<SharedApp>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_is_paged_newest_first_with_sources()
    {
        using var client = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));

        var page = await client.GetFromJsonAsync<JsonElement>("/api/articles?page=1&pageSize=10", Ct);

        Assert.True(page.GetProperty("total").GetInt32() >= 40);
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(10, page.GetProperty("pageSize").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        var dates = items.Select(i => i.GetProperty("publishedAt")).Where(d => d.ValueKind == JsonValueKind.String).Select(d => d.GetDateTime()).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        var first = items.First(i => i.GetProperty("source").ValueKind == JsonValueKind.Object);
        foreach (var field in new[] { "id", "title", "source", "author", "publishedAt", "flags", "cluster" })
            Assert.True(first.TryGetProperty(field, out _), $"item has {field}");
        Assert.True(first.GetProperty("source").TryGetProperty("credibility", out _));
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=201")]
    [InlineData("pageSize=0")]
    public async Task Out_of_range_paging_gets_a_problem(string query)
    {
        using var client = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));

        var response = await client.GetAsync($"/api/articles?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Editor_adds_markdown_and_reads_it_back_sanitized_with_canonical_text()
    {
        using var client = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var unique = Guid.NewGuid().ToString("N");

        var created = await client.PostAsJsonAsync("/api/articles", new
        {
            title = "Lab limits preview",
            content = $"The lab **limited** the preview {unique}.\n\n<script>alert(1)</script>\n\n- approved partners\n- government testers\n",
            contentType = "markdown",
            url = $"https://news.example/lab-limits-preview-{unique}?utm_source=x",
            source = "Example News",
            author = "A. Writer",
            publishedAt = "2026-04-14T09:30:00Z",
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        Assert.EndsWith($"/api/articles/{id}", created.Headers.Location!.ToString());

        var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{id}", Ct);
        Assert.Equal($"The lab limited the preview {unique}.\napproved partners\ngovernment testers", article.GetProperty("text").GetString());
        Assert.DoesNotContain("<script", article.GetProperty("html").GetString());
        Assert.Contains("<strong>limited</strong>", article.GetProperty("html").GetString());
        Assert.Equal("news.example", article.GetProperty("source").GetProperty("domain").GetString());
        Assert.Equal("A. Writer", article.GetProperty("author").GetString());
        Assert.Equal(new DateTime(2026, 4, 14, 9, 30, 0, DateTimeKind.Utc), article.GetProperty("publishedAt").GetDateTime().ToUniversalTime());
        foreach (var field in new[] { "url", "ingestedAt", "flags", "entities", "claims", "cluster", "revisions" })
            Assert.True(article.TryGetProperty(field, out _), $"article has {field}");
    }

    [Fact]
    public async Task Exact_duplicates_by_content_or_by_url_return_the_existing_article()
    {
        using var client = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var unique = Guid.NewGuid().ToString("N");
        var body = new { title = "Original", content = $"Same words {unique}.", contentType = "text", url = $"https://wire.example/story-{unique}" };

        var first = await client.PostAsJsonAsync("/api/articles", body, Ct);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();

        var sameContent = await client.PostAsJsonAsync("/api/articles", body with { title = "Copy", url = $"https://other.example/{unique}" }, Ct);
        var sameUrl = await client.PostAsJsonAsync("/api/articles", body with { content = "Different words entirely.", url = $"https://wire.example/story-{unique}/?utm_campaign=feed#top" }, Ct);

        foreach (var duplicate in new[] { sameContent, sameUrl })
        {
            Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
            Assert.Equal(id, (await duplicate.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("duplicateOf").GetInt32());
        }
    }

    [Theory]
    [InlineData("""{"title":"","content":"x","contentType":"text"}""", "title")]
    [InlineData("""{"title":"T","content":"","contentType":"text"}""", "content")]
    [InlineData("""{"title":"T","content":"x","contentType":"pdf"}""", "contentType")]
    [InlineData("""{"title":"T","content":"x","contentType":"text","url":"ftp://x/y"}""", "url")]
    [InlineData("""{"title":"T","content":"<p>  </p>","contentType":"html"}""", "content")]
    [InlineData("""{"title":"T","content":"x","publishedAt":"yesterday"}""", "publishedAt")]
    [InlineData("""{"title": "T", "content": """, "$")]
    public async Task Bad_input_gets_a_validation_problem_and_stores_nothing(string json, string field)
    {
        using var client = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var before = await CountsAsync();

        var response = await client.PostAsync("/api/articles", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.Contains(field, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Unknown_article_gets_404_problem()
    {
        using var client = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        var response = await client.GetAsync("/api/articles/999999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Each_new_article_is_stored_with_one_numbered_event()
    {
        using var client = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var response = await client.PostAsJsonAsync("/api/articles", new { title = "Evented", content = $"Event {Guid.NewGuid()}", contentType = "text" }, Ct);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var events = await db.Events.Where(e => e.ArticleId == id).ToListAsync(Ct);
        var e = Assert.Single(events);
        Assert.Equal("articleIngested", e.Type);
        Assert.Contains("\"title\":\"Evented\"", e.Data);
    }

    async Task<(int Articles, long Events)> CountsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        return (await db.Articles.CountAsync(Ct), await db.Events.LongCountAsync(Ct));
    }
}
