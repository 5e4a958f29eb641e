using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Search;

/// <summary>Search over the sample corpus, which every test app imports on first run.</summary>
public sealed class SearchApiTests(SharedApp app) : IClassFixture<SharedApp>
{
    async Task<HttpClient> ClientAsync() => await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));

    async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        // The index follows the events table; wait until it holds the sample corpus.
        return await Eventually.ResultAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/api/search?{query}"),
            r => r.GetProperty("total").GetInt32() > 0, TimeSpan.FromSeconds(15));
    }

    static List<string> Titles(JsonElement result) => [.. result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()!)];

    [Fact]
    public async Task Words_match_in_any_form_and_matches_are_highlighted()
    {
        using var client = await ClientAsync();
        var result = await SearchAsync(client, "q=" + Uri.EscapeDataString("GPT-5.6 preview"));

        Assert.True(result.GetProperty("total").GetInt32() >= 3);
        var first = result.GetProperty("hits")[0];
        Assert.Contains("GPT-5.6", first.GetProperty("title").GetString());
        Assert.Contains("<mark>", first.GetProperty("snippet").GetString());
        foreach (var facet in new[] { "source", "flag", "entity", "claimStatus", "month" })
            Assert.True(result.GetProperty("facets").TryGetProperty(facet, out _));
    }

    [Fact]
    public async Task Phrases_fields_and_dates_narrow_the_results()
    {
        using var client = await ClientAsync();
        var phrase = await SearchAsync(client, "q=" + Uri.EscapeDataString("\"people familiar with the matter\""));
        var source = await SearchAsync(client, "q=" + Uri.EscapeDataString("source:\"Meridian Wire\" preview"));
        var dated = await SearchAsync(client, "q=" + Uri.EscapeDataString("published:[2025-09-01 TO 2025-09-30] order"));

        Assert.True(phrase.GetProperty("total").GetInt32() >= 3);
        Assert.All(source.GetProperty("hits").EnumerateArray(), h => Assert.Equal("Meridian Wire", h.GetProperty("source").GetString()));
        Assert.All(dated.GetProperty("hits").EnumerateArray(), h =>
        {
            var when = h.GetProperty("publishedAt").GetDateTime().ToUniversalTime();
            Assert.InRange(when, new DateTime(2025, 9, 1), new DateTime(2025, 10, 1));
        });
        Assert.True(dated.GetProperty("total").GetInt32() >= 3);
    }

    [Fact]
    public async Task Facets_count_and_refine()
    {
        using var client = await ClientAsync();
        var all = await SearchAsync(client, "q=model");
        var flag = all.GetProperty("facets").GetProperty("flag").EnumerateArray().First(f => f.GetProperty("value").GetString() == "ai-generated");
        var refined = await SearchAsync(client, "q=model&flag=ai-generated");

        Assert.Equal(flag.GetProperty("count").GetInt32(), refined.GetProperty("total").GetInt32());
        Assert.All(refined.GetProperty("hits").EnumerateArray(), h =>
            Assert.Contains(h.GetProperty("flags").EnumerateArray(), f => f.GetProperty("kind").GetString() == "ai-generated"));
    }

    [Fact]
    public async Task Boolean_operators_and_sort_by_date_work()
    {
        using var client = await ClientAsync();
        var either = await SearchAsync(client, "q=" + Uri.EscapeDataString("DeepSeek OR Mistral"));
        var without = await SearchAsync(client, "q=" + Uri.EscapeDataString("DeepSeek NOT Mistral"));
        var byDate = await SearchAsync(client, "q=export&sort=date");

        Assert.True(either.GetProperty("total").GetInt32() > without.GetProperty("total").GetInt32());
        var dates = byDate.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("publishedAt")).Where(d => d.ValueKind == JsonValueKind.String).Select(d => d.GetDateTime()).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Theory]
    [InlineData("\"unclosed phrase")]
    [InlineData("(export AND")]
    [InlineData("published:[yesterday TO today]")]
    public async Task A_syntax_error_gets_a_message_not_a_500(string query)
    {
        using var client = await ClientAsync();
        var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task The_timeline_counts_matching_coverage_by_month()
    {
        using var client = await ClientAsync();
        await SearchAsync(client, "q=model");
        var timeline = await client.GetFromJsonAsync<JsonElement[]>("/api/search/timeline?q=model&interval=month");

        Assert.NotEmpty(timeline!);
        Assert.All(timeline!, b => Assert.Matches(@"^\d{4}-\d{2}$", b.GetProperty("date").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/search/timeline?interval=hour")).StatusCode);
    }

    [Fact]
    public async Task The_search_page_shows_results_facets_and_errors()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var client = await ClientAsync();
        await SearchAsync(client, "q=preview");
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);

        var page = await browser.GetPageAsync("/search?q=preview");
        Assert.Contains("<mark>", page);
        Assert.Contains("facet-list", page);
        Assert.Contains("The query could not be read", await browser.GetPageAsync("/search?q=" + Uri.EscapeDataString("(preview")));
    }
}

/// <summary>The index is derived data: deleting it while the app is stopped makes the next start rebuild it.</summary>
public sealed class IndexRebuildTests
{
    [Fact]
    public async Task A_deleted_index_is_rebuilt_from_the_database_at_start_up()
    {
        var data = Path.Combine(Path.GetTempPath(), "policytracker-rebuild", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = new TrackerApp(new() { ["DataDirectory"] = data }))
            {
                using var client = await first.CreateApiClientAsync(await first.CreateMemberAsync(Roles.Analyst));
                await Eventually.ResultAsync(() => client.GetFromJsonAsync<JsonElement>("/api/search?q=preview"), r => r.GetProperty("total").GetInt32() > 0);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.Combine(data, "index"), recursive: true);

            await using var second = new TrackerApp(new() { ["DataDirectory"] = data });
            using var again = await second.CreateApiClientAsync(await second.CreateMemberAsync(Roles.Analyst));
            var result = await Eventually.ResultAsync(() => again.GetFromJsonAsync<JsonElement>("/api/search?q=preview"), r => r.GetProperty("total").GetInt32() > 0);
            Assert.True(result.GetProperty("total").GetInt32() > 0);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, true); } catch (IOException) { }
        }
    }
}
