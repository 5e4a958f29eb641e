using System.Net;
using System.Text.Json;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using static PolicyTracker.Tests.Annotations.AnnotationFixtures;

namespace PolicyTracker.Tests.Annotations;

public sealed class AnnotationProtocolTests(SharedApp app) : IClassFixture<SharedApp>
{
    async Task<HttpClient> AnalystAsync(string? name = null) => await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst, name));

    [Fact]
    public async Task Posting_an_annotation_answers_201_with_its_iri_and_the_protocol_headers()
    {
        var (articleId, text) = await ArticleAsync(app);
        using var ana = await AnalystAsync("Ana Lyst");

        var created = await ana.PostAsync(Container(articleId), LinkedData(On(text, "vetted researchers", "Who vets them?", "team", "access", "vetting")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var iri = body.GetProperty("id").GetString()!;
        Assert.StartsWith(new Uri(app.Address, Container(articleId)).ToString(), iri);
        Assert.Equal(iri, created.Headers.Location!.ToString());
        Assert.Equal("application/ld+json", created.Content.Headers.ContentType!.MediaType);
        Assert.Contains("profile=\"http://www.w3.org/ns/anno.jsonld\"", created.Content.Headers.ContentType.ToString());
        Assert.Equal("commenting", body.GetProperty("motivation").GetString());
        Assert.Equal("Ana Lyst", body.GetProperty("creator").GetProperty("name").GetString());
        var selectors = body.GetProperty("target").GetProperty("selector").EnumerateArray().ToList();
        Assert.Equal("vetted researchers", selectors[0].GetProperty("exact").GetString());
        Assert.Equal(text.IndexOf("vetted researchers", StringComparison.Ordinal), selectors[1].GetProperty("start").GetInt32());
        Assert.Equal(["access", "vetting"], body.GetProperty("body").EnumerateArray()
            .Where(b => b.GetProperty("purpose").GetString() == "tagging").Select(b => b.GetProperty("value").GetString()));

        var fetched = await ana.GetAsync(iri);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.NotNull(fetched.Headers.ETag);
        Assert.Contains("Accept", fetched.Headers.Vary);
        Assert.Contains("<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"", fetched.Headers.GetValues("Link").Single());
        Assert.Equal(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"], fetched.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.OK, (await ana.SendAsync(new HttpRequestMessage(HttpMethod.Head, iri))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ana.SendAsync(new HttpRequestMessage(HttpMethod.Options, iri))).StatusCode);
    }

    [Fact]
    public async Task The_container_pages_with_first_last_next_prev_and_part_of_and_honours_the_minimal_preference()
    {
        var (articleId, text) = await ArticleAsync(app);
        using var ana = await AnalystAsync();
        for (var i = 0; i < 25; i++)
            (await ana.PostAsync(Container(articleId), LinkedData(On(text, "preview", $"note {i}")))).EnsureSuccessStatusCode();

        var response = await ana.GetAsync(Container(articleId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Contains("Prefer", response.Headers.Vary);
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\"", response.Headers.GetValues("Link").Single());
        Assert.Contains("POST", response.Content.Headers.Allow);
        var container = await response.JsonAsync();
        Assert.Equal(container.GetProperty("id").GetString(), response.Content.Headers.ContentLocation!.ToString());
        Assert.EndsWith("/", container.GetProperty("id").GetString());
        Assert.Equal(["BasicContainer", "AnnotationCollection"], container.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(25, container.GetProperty("total").GetInt32());
        var first = container.GetProperty("first");
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        Assert.All(first.GetProperty("items").EnumerateArray(), item => Assert.True(item.TryGetProperty("@context", out _)));

        var next = await (await ana.GetAsync(first.GetProperty("next").GetString())).JsonAsync();
        Assert.Equal("AnnotationPage", next.GetProperty("type").GetString());
        Assert.Equal(container.GetProperty("id").GetString(), next.GetProperty("partOf").GetProperty("id").GetString());
        Assert.Equal(5, next.GetProperty("items").GetArrayLength());
        Assert.Equal(20, next.GetProperty("startIndex").GetInt32());
        var last = await (await ana.GetAsync(container.GetProperty("last").GetString())).JsonAsync();
        Assert.Equal(first.GetProperty("id").GetString(), last.GetProperty("prev").GetString());
        Assert.False(last.TryGetProperty("next", out _));

        var minimal = new HttpRequestMessage(HttpMethod.Get, Container(articleId));
        minimal.Headers.TryAddWithoutValidation("Prefer", "return=representation;include=\"http://www.w3.org/ns/ldp#PreferMinimalContainer\"");
        var small = await (await ana.SendAsync(minimal)).JsonAsync();
        Assert.Equal(25, small.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.String, small.GetProperty("first").ValueKind);
        Assert.True(small.TryGetProperty("last", out _));
        Assert.False(small.TryGetProperty("items", out _));
        Assert.False(small.TryGetProperty("ldp:contains", out _));
    }

    [Fact]
    public async Task Put_needs_the_current_version_and_delete_removes_it_from_the_container()
    {
        var (articleId, text) = await ArticleAsync(app);
        using var ana = await AnalystAsync();
        var created = await ana.PostAsync(Container(articleId), LinkedData(On(text, "too weak", "First take")));
        var iri = created.Headers.Location!.ToString();
        var firstTag = created.Headers.ETag!.Tag;

        var edit = new HttpRequestMessage(HttpMethod.Put, iri) { Content = LinkedData(On(text, "too weak", "Second take")) };
        edit.Headers.TryAddWithoutValidation("If-Match", firstTag);
        var updated = await ana.SendAsync(edit);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(firstTag, updated.Headers.ETag!.Tag);
        Assert.Equal("Second take", (await updated.JsonAsync()).GetProperty("body")[0].GetProperty("value").GetString());

        var stale = new HttpRequestMessage(HttpMethod.Put, iri) { Content = LinkedData(On(text, "too weak", "Stale take")) };
        stale.Headers.TryAddWithoutValidation("If-Match", firstTag);
        var conflict = await ana.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType!.MediaType);
        var problem = await conflict.JsonAsync();
        Assert.Equal("Second take", problem.GetProperty("current").GetProperty("body")[0].GetProperty("value").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await ana.DeleteAsync(iri)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ana.GetAsync(iri)).StatusCode);
        var container = await (await ana.GetAsync(Container(articleId))).JsonAsync();
        Assert.Equal(0, container.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_4xx_problem()
    {
        var (articleId, text) = await ArticleAsync(app);
        using var ana = await AnalystAsync();

        var mismatch = On(text, "vetted researchers", "x");
        mismatch["target"] = new { selector = new object[] { new { type = "TextQuoteSelector", exact = "unvetted crowds" }, new { type = "TextPositionSelector", start = 5, end = 20 } } };
        var wrong = await ana.PostAsync(Container(articleId), LinkedData(mismatch));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("not the quoted", (await wrong.JsonAsync()).GetProperty("title").GetString());

        var missing = On(text, "preview", "x");
        missing["target"] = new { selector = new { type = "TextQuoteSelector", exact = "a sentence that is not there" } };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ana.PostAsync(Container(articleId), LinkedData(missing))).StatusCode);

        var tooLong = await ana.PostAsync(Container(articleId), LinkedData(On(text, "preview", new string('x', 10_001))));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("10,000", (await tooLong.JsonAsync()).GetProperty("title").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await ana.PostAsync(Container(999_999), LinkedData(On(text, "preview", "x")))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ana.PostAsync(Container(articleId), LinkedData(new { type = "Note" }))).StatusCode);
        var badVisibility = On(text, "preview", "x", "everyone");
        Assert.Equal(HttpStatusCode.BadRequest, (await ana.PostAsync(Container(articleId), LinkedData(badVisibility))).StatusCode);

        using var anonymous = new HttpClient { BaseAddress = app.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Container(articleId))).StatusCode);
    }

    [Fact]
    public async Task Private_annotations_reach_nobody_else_and_only_authors_or_editors_delete()
    {
        var (articleId, text) = await ArticleAsync(app);
        using var owner = await AnalystAsync();
        using var other = await AnalystAsync();
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var mine = (await owner.PostAsync(Container(articleId), LinkedData(On(text, "ministry", "my secret", "private", "secret-tag")))).Headers.Location!.ToString();
        var team = (await owner.PostAsync(Container(articleId), LinkedData(On(text, "Critics", "for everyone")))).Headers.Location!.ToString();

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(mine)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsync(mine, LinkedData(On(text, "ministry", "taken over")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.DeleteAsync(mine)).StatusCode);
        var seen = await (await other.GetAsync(Container(articleId))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("my secret", seen);
        Assert.Contains("for everyone", seen);
        Assert.Contains("my secret", await (await owner.GetAsync(Container(articleId))).Content.ReadAsStringAsync());
        Assert.DoesNotContain("my secret", await other.GetStringAsync($"/annotations/articles/{articleId}/export?format=csv"));
        Assert.DoesNotContain("secret-tag", await other.GetStringAsync($"/annotations/articles/{articleId}/export?format=jsonld"));
        Assert.Contains("my secret", await owner.GetStringAsync($"/annotations/articles/{articleId}/export?format=csv"));

        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsync(team, LinkedData(On(text, "Critics", "edited by another")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync(team)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync(team)).StatusCode);
    }

    [Fact]
    public async Task Replies_thread_under_their_annotation_and_go_with_it()
    {
        var (articleId, text) = await ArticleAsync(app);
        using var ana = await AnalystAsync();
        using var ben = await AnalystAsync();
        var parent = (await ana.PostAsync(Container(articleId), LinkedData(On(text, "limit the preview", "Why limit?")))).Headers.Location!.ToString();

        var reply = await ben.PostAsync(Container(articleId), LinkedData(Reply(parent, "Safety testing.")));
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var body = await reply.JsonAsync();
        Assert.Equal("replying", body.GetProperty("motivation").GetString());
        Assert.Equal(parent, body.GetProperty("target").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await ana.DeleteAsync(parent)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ben.GetAsync(body.GetProperty("id").GetString())).StatusCode);
    }

    [Fact]
    public async Task Comments_are_rendered_from_markdown_without_any_markup_of_their_own()
    {
        var (articleId, text) = await ArticleAsync(app);
        using var ana = await AnalystAsync();

        var created = await ana.PostAsync(Container(articleId), LinkedData(On(text, "preview", "**Bold** <script>alert(1)</script> <img src=x onerror=alert(1)> [link](javascript:alert(1))")));

        var html = (await created.JsonAsync()).GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<strong>Bold</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("javascript:", html);
    }

    [Fact]
    public async Task Exports_give_w3c_json_ld_and_csv()
    {
        var (articleId, text) = await ArticleAsync(app);
        using var ana = await AnalystAsync();
        await ana.PostAsync(Container(articleId), LinkedData(On(text, "Critics", "=HYPERLINK(\"http://evil\")", "team", "policy")));

        var csv = await ana.GetStringAsync($"/annotations/articles/{articleId}/export?format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,article_id,parent_id", lines[0]);
        Assert.Contains("'=HYPERLINK", lines[1]);
        var jsonld = JsonDocument.Parse(await ana.GetStringAsync($"/annotations/articles/{articleId}/export?format=jsonld")).RootElement;
        Assert.Equal("AnnotationCollection", jsonld.GetProperty("type").GetString());
        Assert.Equal(1, jsonld.GetProperty("total").GetInt32());
        Assert.Equal("Critics", jsonld.GetProperty("first").GetProperty("items")[0].GetProperty("target").GetProperty("selector")[0].GetProperty("exact").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await ana.GetAsync($"/annotations/articles/{articleId}/export?format=xml")).StatusCode);
    }
}
