using System.Net.Http.Json;
using System.Text.Json;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using static PolicyTracker.Tests.Claims.ClaimsFixtures;

namespace PolicyTracker.Tests.Claims;

public sealed class ClaimQueueTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task The_queue_filters_by_an_entity_named_by_its_name_or_an_alias()
    {
        using var editor = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Editor));
        var text = $"{Request}\n\nThe Office of Science and Technology Policy said it was following the request closely.\n\n" +
            string.Join(" ", Enumerable.Range(0, 40).Select(_ => Guid.NewGuid().ToString("N")[..8]));
        var articleId = await CreateArticleAsync(editor, text);
        var (claimId, _) = await ProposedClaimAsync(editor, articleId);

        static IEnumerable<int> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("claim").GetProperty("id").GetInt32());
        var byName = await editor.GetFromJsonAsync<JsonElement>("/api/claims?entity=Office%20of%20Science%20and%20Technology%20Policy&pageSize=200");
        var byAlias = await editor.GetFromJsonAsync<JsonElement>("/api/claims?entity=OSTP&pageSize=200");
        var other = await editor.GetFromJsonAsync<JsonElement>("/api/claims?entity=European%20Commission&pageSize=200");

        Assert.Contains(claimId, Ids(byName));
        Assert.Contains(claimId, Ids(byAlias));
        Assert.DoesNotContain(claimId, Ids(other));
    }
}
