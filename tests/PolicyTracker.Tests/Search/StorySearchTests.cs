using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Search;

/// <summary>Search over the sample corpus: one hit per story with its similar ones to expand, and entities as a field and a facet.</summary>
public sealed class StorySearchTests(SharedApp app) : IClassFixture<SharedApp>
{
    async Task<HttpClient> ClientAsync() => await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));

    static Task<JsonElement> SearchAsync(HttpClient client, string query) => Eventually.ResultAsync(
        () => client.GetFromJsonAsync<JsonElement>($"/api/search?pageSize=200&{query}"),
        r => r.GetProperty("total").GetInt32() > 0 && r.GetProperty("facets").GetProperty("entity").GetArrayLength() > 0, TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Copies_of_one_story_collapse_to_one_hit_that_expands_to_all_of_them()
    {
        using var client = await ClientAsync();
        var result = await SearchAsync(client, "q=" + Uri.EscapeDataString("preview partners"));
        var hits = result.GetProperty("hits").EnumerateArray().ToList();

        // total counts stories: every hit is a different story, and every match is a hit or one of its similar ones.
        Assert.Equal(result.GetProperty("total").GetInt32(), hits.Count);
        var timeline = await client.GetFromJsonAsync<JsonElement>("/api/search/timeline?q=" + Uri.EscapeDataString("preview partners"));
        var matches = timeline.EnumerateArray().Sum(m => m.GetProperty("count").GetInt32()); // the timeline counts articles
        Assert.Equal(matches, hits.Sum(h => 1 + h.GetProperty("similar").GetInt32()));
        var story = hits.First(h => h.GetProperty("similar").GetInt32() > 0);
        var storyKey = story.GetProperty("story").GetString()!;
        Assert.Single(hits, h => h.GetProperty("story").GetString() == storyKey);

        var expanded = await SearchAsync(client, "q=" + Uri.EscapeDataString("preview partners") + "&cluster=" + storyKey);
        var ids = expanded.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(1 + story.GetProperty("similar").GetInt32(), ids.Count);
        Assert.Contains(story.GetProperty("id").GetInt32(), ids);
        var cluster = (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{ids[0]}")).GetProperty("cluster");
        Assert.All(ids, id => Assert.Contains(id, cluster.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetInt32())));
    }

    [Fact]
    public async Task Entities_are_a_facet_and_a_field()
    {
        using var client = await ClientAsync();
        var result = await SearchAsync(client, "q=" + Uri.EscapeDataString("model"));
        var facet = result.GetProperty("facets").GetProperty("entity").EnumerateArray().ToList();
        var gpt = Assert.Single(facet, f => f.GetProperty("value").GetString() == "GPT-5.6");
        Assert.True(gpt.GetProperty("count").GetInt32() >= 2);

        var filtered = await SearchAsync(client, "q=model&entity=" + Uri.EscapeDataString("gpt-5.6"));
        var queried = await SearchAsync(client, "q=" + Uri.EscapeDataString("model entity:\"GPT-5.6\""));
        Assert.Equal(filtered.GetProperty("total").GetInt32(), queried.GetProperty("total").GetInt32());
        Assert.Equal(gpt.GetProperty("count").GetInt32(), filtered.GetProperty("total").GetInt32()); // the facet counts what a click shows
        Assert.True(filtered.GetProperty("total").GetInt32() < result.GetProperty("total").GetInt32());
        foreach (var hit in filtered.GetProperty("hits").EnumerateArray())
        {
            var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{hit.GetProperty("id").GetInt32()}");
            var cluster = article.GetProperty("cluster");
            // The hit stands for its story: it, or one of its copies, mentions the entity.
            var storyIds = cluster.ValueKind == JsonValueKind.Null ? [hit.GetProperty("id").GetInt32()]
                : cluster.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToList();
            var mentions = false;
            foreach (var id in storyIds)
                mentions |= (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{id}")).GetProperty("entities").EnumerateArray().Any(e => e.GetProperty("name").GetString() == "GPT-5.6");
            Assert.True(mentions);
        }
    }

    [Fact]
    public async Task The_search_page_offers_the_entity_facet_and_expands_similar_hits()
    {
        var member = await app.CreateMemberAsync(Roles.Analyst);
        using var client = await app.CreateApiClientAsync(member);
        await SearchAsync(client, "q=preview");
        using var browser = app.CreateBrowser();
        await browser.SignInAsync(member.Email, member.Password);

        var html = await browser.GetPageAsync("/search?q=preview+partners");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Contains(page.QuerySelectorAll(".facets a"), a => a.GetAttribute("href")!.Contains("entity=GPT-5.6"));
        var similar = page.QuerySelectorAll("a.similar").First();
        Assert.Matches(@"^\d+ similar$", similar.TextContent);
        var expanded = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await browser.GetPageAsync(similar.GetAttribute("href")!));
        Assert.True(expanded.QuerySelectorAll(".results-list .article-row").Length >= 2);
    }
}
