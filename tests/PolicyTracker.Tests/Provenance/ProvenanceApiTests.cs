using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Ingestion;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Tests.Provenance;

public sealed class ProvenanceApiTests(SiteAndApp fixture) : IClassFixture<SiteAndApp>
{
    const string TypicalArticle = """
        Government asks lab to keep new model's preview to approved partners

        The Department of Commerce asked Meridian Labs to limit the preview of its Atlas-7 model to partners approved through the Trusted Partner Preview Programme, according to people familiar with the matter.

        The request, made jointly with the national cyber agency, covers the model's code-analysis features. No documents describing the request have been published.

        This article is AI-generated content. Please verify the information independently.
        """;

    async Task<JsonElement> ArticleAsync(HttpClient client, HttpResponseMessage created)
    {
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        return await client.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");
    }

    static List<JsonElement> FlagsOf(JsonElement article) => [.. article.GetProperty("flags").EnumerateArray()];

    [Fact]
    public async Task The_typical_article_ingested_as_text_carries_its_flags_with_verbatim_evidence()
    {
        using var client = await fixture.App.CreateApiClientAsync(await fixture.App.CreateMemberAsync(Roles.Editor));
        var lines = TypicalArticle.Split('\n', 2);
        var content = lines[1].Replace("Atlas-7", $"Atlas-{Guid.NewGuid():N}"[..12]);

        var article = await ArticleAsync(client, await client.PostAsJsonAsync("/api/articles",
            new { title = lines[0], content, contentType = "text", source = $"Brand New Outlet {Guid.NewGuid():N}" }));

        var text = article.GetProperty("text").GetString()!;
        var flags = FlagsOf(article);
        foreach (var (kind, sentence) in new[] { ("ai-generated", "This article is AI-generated content."), ("unverified", "Please verify the information independently.") })
        {
            var flag = Assert.Single(flags, f => f.GetProperty("kind").GetString() == kind);
            var evidence = flag.GetProperty("evidence");
            Assert.Equal(sentence, evidence.GetProperty("exact").GetString());
            var runes = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
            Assert.Equal(sentence, string.Concat(runes[evidence.GetProperty("start").GetInt32()..evidence.GetProperty("end").GetInt32()]));
            Assert.False(string.IsNullOrEmpty(flag.GetProperty("rule").GetString()));
        }
        Assert.Contains(flags, f => f.GetProperty("kind").GetString() == "unknown-source");
        Assert.Contains(flags, f => f.GetProperty("kind").GetString() == "anonymous-sourcing" && f.GetProperty("severity").GetString() == "info");
        Assert.Contains(flags, f => f.GetProperty("kind").GetString() == "missing-byline"
            && f.GetProperty("evidence").GetProperty("field").GetString() == "author");
    }

    [Fact]
    public async Task An_article_about_ai_generated_content_is_not_flagged_as_ai_generated()
    {
        using var client = await fixture.App.CreateApiClientAsync(await fixture.App.CreateMemberAsync(Roles.Editor));
        var article = await ArticleAsync(client, await client.PostAsJsonAsync("/api/articles", new
        {
            title = "Newsrooms split over AI labels",
            content = $"Several outlets now end syndicated items with the note \"This article is AI-generated content. Please verify the information independently.\" Editors at the Harbor Ledger said on Monday they would not adopt it. ({Guid.NewGuid()})",
            contentType = "text",
            author = "Mara Quinn",
            publishedAt = "2026-05-04T08:00:00Z",
        }));

        Assert.DoesNotContain(FlagsOf(article), f => f.GetProperty("kind").GetString() is "ai-generated" or "ai-assisted" or "unverified");
    }

    [Fact]
    public async Task A_page_labelled_only_by_json_ld_is_flagged_with_the_field_as_evidence()
    {
        var path = $"/{Guid.NewGuid():N}/labelled";
        var page = IngestionFixtures.Page("Port trial of automated cranes begins", IngestionFixtures.PreviewBody)
            .Replace("</head>", """<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","digitalSourceType":"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"}</script></head>""");
        fixture.Site.Serve(path, page);
        using var client = await fixture.App.CreateApiClientAsync(await fixture.App.CreateMemberAsync(Roles.Editor));

        var report = await (await client.PostAsJsonAsync("/api/ingest", new { url = fixture.Site.Url(path) })).Content.ReadFromJsonAsync<JsonElement>();
        var id = report.GetProperty("articles")[0].GetProperty("id").GetInt32();
        var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{id}");

        var flag = Assert.Single(FlagsOf(article), f => f.GetProperty("kind").GetString() == "ai-generated");
        Assert.Equal("jsonld:digitalSourceType", flag.GetProperty("evidence").GetProperty("field").GetString());
        Assert.EndsWith("trainedAlgorithmicMedia", flag.GetProperty("evidence").GetProperty("value").GetString());
    }

    [Fact]
    public async Task The_list_shows_flag_badges()
    {
        using var client = await fixture.App.CreateApiClientAsync(await fixture.App.CreateMemberAsync(Roles.Analyst));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/articles?pageSize=200");
        var flagged = page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("flags").GetArrayLength() > 0).ToList();
        Assert.NotEmpty(flagged);
        Assert.Contains(flagged, i => i.GetProperty("flags").EnumerateArray().Any(f => f.GetProperty("kind").GetString() == "ai-generated"));
    }
}
