using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Support;

namespace PolicyTracker.Tests.Operations;

public sealed class HealthTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Healthz_is_anonymous_and_reports_database_and_index()
    {
        using var client = new HttpClient { BaseAddress = app.Address };
        var health = await Eventually.ResultAsync(
            () => client.GetFromJsonAsync<JsonElement>("/healthz", TestContext.Current.CancellationToken),
            h => h.GetProperty("index").GetProperty("eventsBehind").GetInt64() == 0);

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("ok", health.GetProperty("database").GetProperty("status").GetString());
        var index = health.GetProperty("index");
        Assert.True(index.GetProperty("documents").GetInt32() >= 40, "the sample corpus is indexed");
        Assert.True(index.GetProperty("lastEvent").GetInt64() > 0);
    }

    [Fact]
    public async Task Openapi_document_lists_the_article_endpoints_for_members_only()
    {
        using var anonymous = new HttpClient { BaseAddress = app.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).StatusCode);

        using var client = await app.CreateApiClientAsync(await app.CreateMemberAsync("Analyst"));
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/articles", out _));
        Assert.True(paths.TryGetProperty("/api/articles/{id}", out _));
        Assert.True(paths.TryGetProperty("/healthz", out _));
    }
}
