using System.Net;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Annotations;
using static PolicyTracker.Tests.Annotations.AnnotationFixtures;

namespace PolicyTracker.Tests.Annotations;

/// <summary>An app that lets two other origins call the annotation protocol.</summary>
public sealed class CorsApp() : TrackerApp(new()
{
    ["Security:SignInAttemptsPerMinute"] = "1000",
    ["Annotations:Cors:Origins:0"] = AnnotationCorsTests.Listed,
    ["Annotations:Cors:Origins:1"] = "http://localhost:8000",
});

public sealed class AnnotationCorsTests(CorsApp app) : IClassFixture<CorsApp>
{
    public const string Listed = "https://annotator.example.org";
    const string Unlisted = "https://elsewhere.example.net";

    static HttpRequestMessage Preflight(string url, string origin, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type, prefer, if-match");
        return request;
    }

    static HttpRequestMessage From(string origin, HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Origin", origin);
        return request;
    }

    static string[] Values(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values)
            ? [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))]
            : [];

    [Fact]
    public async Task A_listed_origin_passes_the_preflight_for_the_protocol_methods_and_headers_without_credentials()
    {
        var (articleId, _) = await ArticleAsync(app);
        using var anonymous = new HttpClient { BaseAddress = app.Address };

        using var response = await anonymous.SendAsync(Preflight($"{Container(articleId)}1", Listed, "PUT"));

        Assert.True(response.IsSuccessStatusCode, $"preflight answered {(int)response.StatusCode}");
        Assert.Equal(Listed, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", response.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        var methods = Values(response, "Access-Control-Allow-Methods");
        Assert.All(new[] { "GET", "HEAD", "OPTIONS", "DELETE", "PUT" }, m => Assert.Contains(m, methods));
        var headers = Values(response, "Access-Control-Allow-Headers");
        Assert.All(new[] { "Content-Type", "Prefer", "If-Match" }, h => Assert.Contains(h, headers, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_cross_origin_get_from_a_listed_origin_exposes_the_protocol_headers_and_still_needs_credentials()
    {
        var (articleId, text) = await ArticleAsync(app);
        using var ana = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        var created = await ana.PostAsync(Container(articleId), LinkedData(On(text, "vetted researchers", "Who vets them?")));
        var iri = (await created.JsonAsync()).GetProperty("id").GetString()!;

        using var response = await ana.SendAsync(From(Listed, HttpMethod.Get, iri));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Listed, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", response.Headers.GetValues("Access-Control-Allow-Credentials").Single());
        var exposed = Values(response, "Access-Control-Expose-Headers");
        Assert.All(new[] { "ETag", "Allow", "Vary", "Link", "Content-Type", "Location", "Content-Location", "Prefer" },
            h => Assert.Contains(h, exposed, StringComparer.OrdinalIgnoreCase));
        // With more than one origin allowed the answer varies by origin; the protocol's own Vary survives beside it.
        var vary = Values(response, "Vary");
        Assert.Contains("Accept", vary);
        Assert.Contains("Origin", vary);
        Assert.NotNull(response.Headers.ETag);

        using var anonymous = new HttpClient { BaseAddress = app.Address };
        using var refused = await anonymous.SendAsync(From(Listed, HttpMethod.Get, Container(articleId)));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task An_unlisted_origin_gets_no_cors_headers()
    {
        var (articleId, _) = await ArticleAsync(app);
        using var ana = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        using var anonymous = new HttpClient { BaseAddress = app.Address };

        using var preflight = await anonymous.SendAsync(Preflight(Container(articleId), Unlisted, "PUT"));
        using var get = await ana.SendAsync(From(Unlisted, HttpMethod.Get, Container(articleId)));

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Methods"));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.False(get.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(get.Headers.Contains("Access-Control-Expose-Headers"));
    }

    [Fact]
    public void Only_plain_origins_are_accepted_in_the_setting()
    {
        Assert.Equal(["https://annotator.example.org", "http://localhost:8000"],
            AnnotationCors.Parse(["https://annotator.example.org/", " http://localhost:8000 ", ""]));
        Assert.Throws<ArgumentException>(() => AnnotationCors.Parse(["*"]));
        Assert.Throws<ArgumentException>(() => AnnotationCors.Parse(["https://annotator.example.org/tests"]));
        Assert.Throws<ArgumentException>(() => AnnotationCors.Parse(["ftp://annotator.example.org"]));
    }
}

/// <summary>With the default (empty) list, no origin gets CORS headers.</summary>
public sealed class AnnotationCorsDefaultTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task By_default_no_origin_gets_cors_headers()
    {
        var (articleId, _) = await ArticleAsync(app);
        using var anonymous = new HttpClient { BaseAddress = app.Address };
        var request = new HttpRequestMessage(HttpMethod.Options, Container(articleId));
        request.Headers.Add("Origin", AnnotationCorsTests.Listed);
        request.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await anonymous.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
