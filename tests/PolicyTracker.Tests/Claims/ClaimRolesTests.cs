using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using static PolicyTracker.Tests.Claims.ClaimsFixtures;

namespace PolicyTracker.Tests.Claims;

/// <summary>An app with the two-person rule on and anonymous reading allowed.</summary>
public sealed class SignOffApp() : TrackerApp(new()
{
    ["Claims:RequireSecondEditor"] = "true",
    ["Claims:PublisherName"] = "Tracker Fact Desk",
    ["Security:AllowAnonymousRead"] = "true",
});

public sealed class ClaimRolesTests(SignOffApp app) : IClassFixture<SignOffApp>
{
    [Fact]
    public async Task Every_claim_action_is_allowed_exactly_to_the_roles_that_may_take_it()
    {
        using var setup = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var callers = new (string Name, Func<Task<HttpClient>> Make, int Level)[]
        {
            ("anonymous reader", () => Task.FromResult(new HttpClient { BaseAddress = app.Address }), 0),
            ("read-only token", async () => await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor), readOnly: true), 0),
            ("Analyst", async () => await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst)), 1),
            ("Editor", async () => await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor)), 2),
            ("Admin", async () => await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Admin)), 2),
        };
        foreach (var (name, make, level) in callers)
        {
            using var client = await make();
            var anonymous = client.DefaultRequestHeaders.Authorization is null;
            var articleId = await CreateArticleAsync(setup);
            var (claimId, _) = await ProposedClaimAsync(setup, articleId);
            var suggestions = (await setup.GetFromJsonAsync<JsonElement[]>($"/api/articles/{articleId}/claims"))!
                .Where(c => c.GetProperty("suggestion").GetString() == "suggested").Select(c => c.GetProperty("id").GetInt32()).ToList();
            Assert.Equal(2, suggestions.Count);
            var (pendingId, pendingTag) = await ProposedClaimAsync(setup, await CreateArticleAsync(setup));
            var submitted = await setup.SendAsync(Rule(pendingId, pendingTag, Verified));
            Assert.Equal("pending_signoff", (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

            async Task<string> CurrentTagAsync(int id) => (await setup.GetAsync($"/api/claims/{id}")).Headers.ETag!.Tag;

            async Task Expect(string action, int needed, HttpStatusCode allowed, Func<Task<HttpResponseMessage>> call)
            {
                var expected = level >= needed ? allowed : anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                var status = (await call()).StatusCode;
                Assert.True(expected == status, $"{name} {action}: expected {expected}, got {status}");
            }

            await Expect("list", 0, HttpStatusCode.OK, () => client.GetAsync($"/api/articles/{articleId}/claims"));
            await Expect("get", 0, HttpStatusCode.OK, () => client.GetAsync($"/api/claims/{claimId}"));
            await Expect("audit", 0, HttpStatusCode.OK, () => client.GetAsync($"/api/claims/{claimId}/audit"));
            await Expect("queue", 0, HttpStatusCode.OK, () => client.GetAsync("/api/claims?status=unverified"));
            await Expect("claimreview", 0, HttpStatusCode.OK, () => client.GetAsync($"/api/claims/{claimId}/claimreview"));
            await Expect("export", 0, HttpStatusCode.OK, () => client.GetAsync("/api/claims/export?format=csv"));
            await Expect("propose", 1, HttpStatusCode.Created, () => ProposeAsync(client, articleId, "It is a striking moment for the industry."));
            await Expect("accept", 2, HttpStatusCode.OK, () => client.PostAsync($"/api/claims/{suggestions[0]}/accept", null));
            await Expect("dismiss", 2, HttpStatusCode.OK, () => client.PostAsJsonAsync($"/api/claims/{suggestions[^1]}/dismiss", new { note = "no" }));
            await Expect("assign", 2, HttpStatusCode.OK, () => client.PostAsync($"/api/claims/{claimId}/assign", null));
            await Expect("rule", 2, HttpStatusCode.OK, async () => await client.SendAsync(Rule(claimId, await CurrentTagAsync(claimId), new { status = "in_review", note = "Looking into it." })));
            await Expect("sign off", 2, HttpStatusCode.OK, async () => await client.SendAsync(SignOff(pendingId, await CurrentTagAsync(pendingId), approve: true)));
        }
    }

    [Fact]
    public async Task Under_the_two_person_rule_a_verified_ruling_waits_for_a_different_editor()
    {
        var firstMember = await app.CreateMemberAsync(Roles.Editor, "First Editor");
        using var first = await app.CreateApiClientAsync(firstMember);
        using var second = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor, "Second Editor"));
        var articleId = await CreateArticleAsync(first);
        var (id, etag) = await ProposedClaimAsync(first, articleId);

        var submitted = await first.SendAsync(Rule(id, etag, Verified));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var pending = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending_signoff", pending.GetProperty("status").GetString());
        Assert.Equal("verified", pending.GetProperty("pendingStatus").GetString());
        var pendingTag = submitted.Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.Forbidden, (await first.SendAsync(SignOff(id, pendingTag, approve: true))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await second.SendAsync(Rule(id, pendingTag, new { status = "disputed", note = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await second.SendAsync(SignOff(id, pendingTag, approve: false))).StatusCode); // rejecting needs a note
        var queue = await second.GetFromJsonAsync<JsonElement>("/api/claims?status=pending_signoff");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("claim").GetProperty("id").GetInt32() == id);

        var signed = await second.SendAsync(SignOff(id, pendingTag, approve: true, note: "Checked the letter too."));
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var claim = await second.GetFromJsonAsync<JsonElement>($"/api/claims/{id}");
        Assert.Equal("verified", claim.GetProperty("status").GetString());
        Assert.Equal(["proposed", "submitted", "signed-off"], claim.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        Assert.Equal(["First Editor", "First Editor", "Second Editor"], claim.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("by").GetString()));

        var review = await second.GetAsync($"/api/claims/{id}/claimreview");
        Assert.Equal("application/ld+json", review.Content.Headers.ContentType!.MediaType);
        var ld = await review.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ClaimReview", ld.GetProperty("@type").GetString());
        Assert.Equal(Request, ld.GetProperty("claimReviewed").GetString());
        Assert.Equal("Tracker Fact Desk", ld.GetProperty("author").GetProperty("name").GetString());
        var rating = ld.GetProperty("reviewRating");
        Assert.Equal((5, 5, 1, "Verified"), (rating.GetProperty("ratingValue").GetInt32(), rating.GetProperty("bestRating").GetInt32(), rating.GetProperty("worstRating").GetInt32(), rating.GetProperty("alternateName").GetString()));
        var item = ld.GetProperty("itemReviewed");
        Assert.Equal("Claim", item.GetProperty("@type").GetString());
        Assert.EndsWith($"/articles/{articleId}", item.GetProperty("firstAppearance").GetProperty("url").GetString());
        Assert.EndsWith($"/articles/{articleId}", item.GetProperty("appearance")[0].GetProperty("url").GetString());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ld.GetProperty("datePublished").GetString());
        Assert.EndsWith($"/claims/{id}", ld.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Claims_of_articles_matching_a_search_export_as_csv_and_json()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var marker = $"zq{Guid.NewGuid():N}"[..12];
        var articleId = await CreateArticleAsync(editor, ArticleText() + $"\n\nKeyword {marker}.");
        var (id, _) = await ProposedClaimAsync(editor, articleId);
        await ProposedClaimAsync(editor, await CreateArticleAsync(editor)); // not matching the search

        var json = await Eventually.ResultAsync(async () => (await editor.GetFromJsonAsync<JsonElement[]>($"/api/claims/export?q={marker}"))!, rows => rows.Length > 0);
        var row = Assert.Single(json);
        Assert.Equal(id, row.GetProperty("id").GetInt32());
        var csv = await editor.GetStringAsync($"/api/claims/export?q={marker}&format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,articleId,articleTitle", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains($"{id},{articleId},Ministry asks lab to limit preview", lines[1]);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/api/claims/export?q=title:(unclosed")).StatusCode);
    }
}
