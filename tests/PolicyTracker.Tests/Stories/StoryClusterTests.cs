using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using PolicyTracker.Tests.Ingestion;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Stories;

/// <summary>Near-copies from several outlets become one story with its first appearance; editors split and merge, and it sticks.</summary>
public sealed class StoryClusterTests(SiteAndApp fixture) : IClassFixture<SiteAndApp>
{
    TrackerApp App => fixture.App;

    static async Task<int> PostAsync(HttpClient client, string title, string text, string source, string published)
    {
        var response = await client.PostAsJsonAsync("/api/articles", new { title, content = text, contentType = "text", source, author = "Desk", publishedAt = published });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    static async Task<JsonElement> ClusterOfAsync(HttpClient client, int id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{id}")).GetProperty("cluster");

    static int[] Members(JsonElement cluster) => [.. cluster.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetInt32())];

    [Fact]
    public async Task Wire_copies_become_one_story_whose_first_appearance_is_the_earliest_published()
    {
        var tag = Guid.NewGuid().ToString("N");
        using var editor = await App.CreateApiClientAsync(await App.CreateMemberAsync(Roles.Editor));
        var later = await PostAsync(editor, "Vellmark to register AI models", StoryTexts.Original(tag), "Harbor Ledger", "2026-03-03T12:00:00Z");
        var analyst = await App.CreateMemberAsync(Roles.Analyst);
        using var browser = App.CreateBrowser();
        await browser.SignInAsync(analyst.Email, analyst.Password);
        // Seen while it stands alone, so the page's "no story" is what the cache holds when the copy arrives.
        Assert.Contains("No other outlet has run this story", await browser.GetPageAsync($"/articles/{later}"));
        var earlier = await PostAsync(editor, "Vellmark plans model register", StoryTexts.WireCopy(tag), "Meridian Wire", "2026-03-03T08:00:00Z");
        var other = await PostAsync(editor, "Vellmark register final", StoryTexts.LaterEvent(tag), "Harbor Ledger", "2026-11-06T08:00:00Z");

        var cluster = await ClusterOfAsync(editor, later);
        Assert.Equal([earlier, later], Members(cluster));
        Assert.Equal(earlier, cluster.GetProperty("firstAppearance").GetProperty("id").GetInt32());
        Assert.Equal(cluster.GetProperty("id").GetInt32(), (await ClusterOfAsync(editor, earlier)).GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await ClusterOfAsync(editor, other)).ValueKind);

        var page = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/articles/{later}"));
        var story = page.GetElementById("story")!;
        var link = Assert.Single(story.QuerySelectorAll(".also-reported a"));
        Assert.Equal($"/articles/{earlier}", link.GetAttribute("href"));
        Assert.Contains("Meridian Wire", link.TextContent);
        Assert.Contains("3 Mar 2026", story.QuerySelector(".also-reported")!.TextContent);
        Assert.Null(page.GetElementById("article-body")!.QuerySelector("#story")); // outside the body
        Assert.Empty(story.QuerySelectorAll("form")); // Analysts cannot split or merge

        var rows = await editor.GetFromJsonAsync<JsonElement>("/api/articles?stories=true&pageSize=200");
        var listed = rows.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(earlier, listed);
        Assert.DoesNotContain(later, listed);
    }

    [Fact]
    public async Task Split_and_merge_are_for_editors_only()
    {
        var tag = Guid.NewGuid().ToString("N");
        using var editor = await App.CreateApiClientAsync(await App.CreateMemberAsync(Roles.Editor));
        var a = await PostAsync(editor, "Register plan", StoryTexts.Original(tag), "Harbor Ledger", "2026-03-03T12:00:00Z");
        var b = await PostAsync(editor, "Register plan (wire)", StoryTexts.WireCopy(tag), "Meridian Wire", "2026-03-03T13:00:00Z");
        using var analyst = await App.CreateApiClientAsync(await App.CreateMemberAsync(Roles.Analyst));

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"/api/articles/{a}/cluster/split", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync($"/api/articles/{a}/cluster/merge", new { withArticleId = b })).StatusCode);
        Assert.Equal([a, b], Members(await ClusterOfAsync(editor, a)));
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsJsonAsync($"/api/articles/{a}/cluster/merge", new { withArticleId = b })).StatusCode);
    }

    [Fact]
    public async Task A_split_article_stays_alone_when_it_is_fetched_again_and_when_another_copy_arrives()
    {
        var tag = Guid.NewGuid().ToString("N");
        var path = $"/{tag}/register";
        using var editor = await App.CreateApiClientAsync(await App.CreateMemberAsync(Roles.Editor));
        var fetched = (await FetchPageAsync(editor, path, "Vellmark to register AI models", StoryTexts.Original(tag))).GetProperty("id").GetInt32();
        var copy = await PostAsync(editor, "Wire: register plan", StoryTexts.WireCopy(tag), "Meridian Wire", "2026-04-14T10:00:00Z");
        Assert.Equal([fetched, copy], Members(await ClusterOfAsync(editor, fetched)).Order());

        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsync($"/api/articles/{fetched}/cluster/split", null)).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await ClusterOfAsync(editor, fetched)).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await ClusterOfAsync(editor, copy)).ValueKind); // a story of one is no story

        // The page changes a little: a new revision, processed again, and still alone.
        var again = await FetchPageAsync(editor, path, "Vellmark to register AI models", StoryTexts.Original(tag) + "\n\nUpdated with a correction.");
        Assert.Equal("updated", again.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, (await ClusterOfAsync(editor, fetched)).ValueKind);

        // A third copy joins the other copy, not the article the editor split out.
        var third = await PostAsync(editor, "Another wire: register plan", StoryTexts.WireCopy(tag) + " Reporting by the desk.", "Capitol Circuit", "2026-04-14T11:00:00Z");
        Assert.Equal([copy, third], Members(await ClusterOfAsync(editor, third)).Order());
        Assert.Equal(JsonValueKind.Null, (await ClusterOfAsync(editor, fetched)).ValueKind);
    }

    [Fact]
    public async Task Merged_stories_stay_merged_when_an_article_is_fetched_again()
    {
        var tag = Guid.NewGuid().ToString("N");
        var path = $"/{tag}/final";
        using var editor = await App.CreateApiClientAsync(await App.CreateMemberAsync(Roles.Editor));
        var fetched = (await FetchPageAsync(editor, path, "Vellmark register final", StoryTexts.LaterEvent(tag))).GetProperty("id").GetInt32();
        var original = await PostAsync(editor, "Register plan", StoryTexts.Original(tag), "Harbor Ledger", "2026-03-03T12:00:00Z");
        var copy = await PostAsync(editor, "Register plan (wire)", StoryTexts.WireCopy(tag), "Meridian Wire", "2026-03-03T13:00:00Z");
        Assert.Equal(JsonValueKind.Null, (await ClusterOfAsync(editor, fetched)).ValueKind);

        var merged = await editor.PostAsJsonAsync($"/api/articles/{fetched}/cluster/merge", new { withArticleId = copy });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var cluster = await merged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([original, copy, fetched], Members(cluster)); // earliest first
        Assert.Equal(original, cluster.GetProperty("firstAppearance").GetProperty("id").GetInt32());

        await FetchPageAsync(editor, path, "Vellmark register final", "An entirely different text about seaside tourism statistics for the summer season.");
        Assert.Equal([original, copy, fetched], Members(await ClusterOfAsync(editor, fetched)));
    }

    [Fact]
    public async Task Editors_split_from_the_article_page()
    {
        var tag = Guid.NewGuid().ToString("N");
        using var api = await App.CreateApiClientAsync(await App.CreateMemberAsync(Roles.Editor));
        var a = await PostAsync(api, "Register plan", StoryTexts.Original(tag), "Harbor Ledger", "2026-03-03T12:00:00Z");
        var b = await PostAsync(api, "Register plan (wire)", StoryTexts.WireCopy(tag), "Meridian Wire", "2026-03-03T13:00:00Z");
        var editor = await App.CreateMemberAsync(Roles.Editor);
        using var browser = App.CreateBrowser();
        await browser.SignInAsync(editor.Email, editor.Password);

        var response = await browser.SubmitAsync($"/articles/{b}", $"/articles/{b}/cluster/split", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await ClusterOfAsync(api, a)).ValueKind);
        Assert.Contains("No other outlet has run this story", await browser.GetPageAsync($"/articles/{b}"));
    }

    [Fact]
    public async Task A_story_member_fetched_again_with_a_new_title_shows_it_on_the_other_members_page_and_json()
    {
        var tag = Guid.NewGuid().ToString("N");
        var path = $"/{tag}/register";
        using var editor = await App.CreateApiClientAsync(await App.CreateMemberAsync(Roles.Editor));
        var fetched = (await FetchPageAsync(editor, path, "Vellmark to register AI models", StoryTexts.Original(tag))).GetProperty("id").GetInt32();
        var copy = await PostAsync(editor, "Register plan (wire)", StoryTexts.WireCopy(tag), "Meridian Wire", "2026-03-03T13:00:00Z");
        Assert.Equal([fetched, copy], Members(await ClusterOfAsync(editor, copy)).Order());
        var analyst = await App.CreateMemberAsync(Roles.Analyst);
        using var browser = App.CreateBrowser();
        await browser.SignInAsync(analyst.Email, analyst.Password);
        Assert.Contains("Vellmark to register AI models", new HtmlParser().ParseDocument(await browser.GetPageAsync($"/articles/{copy}")).GetElementById("story")!.TextContent);

        // Only the fetched article changes (and only its event is written), yet the copy's page lists it.
        Assert.Equal("updated", (await FetchPageAsync(editor, path, "Vellmark delays its AI model register", StoryTexts.Original(tag) + "\n\nThe register will now open in the autumn.")).GetProperty("status").GetString());

        var story = new HtmlParser().ParseDocument(await browser.GetPageAsync($"/articles/{copy}")).GetElementById("story")!;
        Assert.Contains("Vellmark delays its AI model register", story.TextContent);
        var cluster = await ClusterOfAsync(editor, copy);
        Assert.Contains(cluster.GetProperty("articles").EnumerateArray(), a => a.GetProperty("title").GetString() == "Vellmark delays its AI model register");
    }

    /// <summary>Serves a page at <paramref name="path"/> on the test site and ingests its address; returns the article's outcome.</summary>
    async Task<JsonElement> FetchPageAsync(HttpClient editor, string path, string title, string text)
    {
        fixture.Site.Serve(path, IngestionFixtures.Page(title, Paragraphs(text)));
        var response = await editor.PostAsJsonAsync("/api/ingest", new { url = fixture.Site.Url(path) });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articles")[0];
    }

    static string Paragraphs(string text) => string.Concat(text.Split("\n\n").Select(p => $"<p>{p.Trim()}</p>"));
}
