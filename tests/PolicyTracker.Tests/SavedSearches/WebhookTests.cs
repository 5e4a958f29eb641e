using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.SavedSearches.Webhooks;
using static PolicyTracker.Tests.SavedSearches.SavedSearchTesting;

namespace PolicyTracker.Tests.SavedSearches;

/// <summary>A loopback receiver and an app allowed to post to it, retrying after a quarter of a second.</summary>
public sealed class ReceiverAndApp : SiteAndApp
{
    protected override IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string> { ["Webhooks:RetrySeconds"] = "0.25" };
}

public sealed class WebhookTests(ReceiverAndApp fixture) : IClassFixture<ReceiverAndApp>
{
    sealed record Received(string Body, string? Signature, string? Delivery);

    [Fact]
    public async Task Each_match_is_posted_as_signed_json()
    {
        var word = UniqueWord();
        var received = new ConcurrentQueue<Received>();
        fixture.Site.Handle($"/hooks/{word}", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            received.Enqueue(new(await reader.ReadToEndAsync(), context.Request.Headers[WebhookClient.SignatureHeader], context.Request.Headers[WebhookClient.DeliveryHeader]));
            context.Response.StatusCode = 204;
        });
        using var analyst = await fixture.App.CreateApiClientAsync(await fixture.App.CreateMemberAsync(Roles.Analyst));
        var saved = await SaveAsync(analyst, "Hooked", word, fixture.Site.Url($"/hooks/{word}").ToString());
        var secret = saved.GetProperty("webhookSecret").GetString()!;

        var article = await AddArticleAsync(fixture.App, $"Standards body adopts {word} test", "A new evaluation standard.");
        await Eventually.ResultAsync(() => Task.FromResult(received.Count), n => n > 0, TimeSpan.FromSeconds(15));

        var hook = Assert.Single(received);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(hook.Body)));
        Assert.Equal(expected, hook.Signature);
        Assert.NotEqual(expected, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("wrong secret"), Encoding.UTF8.GetBytes(hook.Body))));
        var body = JsonDocument.Parse(hook.Body).RootElement;
        Assert.Equal("savedSearchMatched", body.GetProperty("event").GetString());
        Assert.Equal(article, body.GetProperty("article").GetProperty("id").GetInt32());
        Assert.Equal(saved.GetProperty("id").GetInt32(), body.GetProperty("savedSearch").GetProperty("id").GetInt32());
        Assert.False(string.IsNullOrEmpty(hook.Delivery));
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_backoff_and_its_failures_are_shown()
    {
        var word = UniqueWord();
        var times = new ConcurrentQueue<DateTime>();
        fixture.Site.Handle($"/flaky/{word}", context =>
        {
            times.Enqueue(DateTime.UtcNow);
            context.Response.StatusCode = times.Count < 3 ? 503 : 200;
            return Task.CompletedTask;
        });
        using var analyst = await fixture.App.CreateApiClientAsync(await fixture.App.CreateMemberAsync(Roles.Analyst));
        var id = (await SaveAsync(analyst, "Flaky", word, fixture.Site.Url($"/flaky/{word}").ToString())).GetProperty("id").GetInt32();

        await AddArticleAsync(fixture.App, $"Lab delays {word} launch", "The launch moves to autumn.");
        var deliveries = await Eventually.ResultAsync(() => analyst.GetFromJsonAsync<JsonElement>($"/api/saved-searches/{id}/deliveries"),
            d => d.GetArrayLength() == 1 && d[0].GetProperty("status").GetString() == "delivered", TimeSpan.FromSeconds(20));

        var delivery = deliveries[0];
        Assert.Equal("delivered", delivery.GetProperty("status").GetString());
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal(2, gaps.Count);
        // Waits can only stretch on a busy machine, never shrink: each is at least its doubled delay.
        Assert.True(gaps[0] >= TimeSpan.FromMilliseconds(240), $"first wait {gaps[0].TotalMilliseconds} ms");
        Assert.True(gaps[1] >= TimeSpan.FromMilliseconds(490), $"second wait {gaps[1].TotalMilliseconds} ms");
        var search = await analyst.GetFromJsonAsync<JsonElement>($"/api/saved-searches/{id}");
        Assert.Contains("503", search.GetProperty("webhook").GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task Webhooks_to_private_addresses_are_refused_when_saved()
    {
        using var analyst = await fixture.App.CreateApiClientAsync(await fixture.App.CreateMemberAsync(Roles.Analyst));

        foreach (var url in new[] { "http://127.0.0.1:9/hook", "http://169.254.169.254/latest", "http://[::1]/x", "ftp://example.org/x", "not a url" })
        {
            var response = await analyst.PostAsJsonAsync("/api/saved-searches", new { name = "Bad hook", query = "export", webhookUrl = url });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("webhookUrl", out _), url);
        }
    }

    [Fact]
    public void Backoff_doubles_and_is_capped()
    {
        var first = TimeSpan.FromSeconds(30);
        Assert.Equal(TimeSpan.FromSeconds(30), WebhookSender.Backoff(first, 1));
        Assert.Equal(TimeSpan.FromSeconds(60), WebhookSender.Backoff(first, 2));
        Assert.Equal(TimeSpan.FromSeconds(240), WebhookSender.Backoff(first, 4));
        Assert.Equal(TimeSpan.FromHours(1), WebhookSender.Backoff(first, 20));
    }
}
