using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Live;
using static PolicyTracker.Tests.Annotations.AnnotationFixtures;

namespace PolicyTracker.Tests.Annotations;

public sealed class AnnotationConcurrencyTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Concurrent_creates_are_each_stored_once_with_their_own_event_in_order()
    {
        var (articleId, text) = await ArticleAsync(app);
        var members = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ => await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst))));

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            members[i % 3].PostAsync(Container(articleId), LinkedData(On(text, "vetted researchers", $"note {i}", i % 4 == 0 ? "private" : "team")))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = new List<int>();
        foreach (var r in responses) ids.Add(int.Parse((await r.JsonAsync()).GetProperty("id").GetString()!.Split('/')[^1]));
        Assert.Equal(24, ids.Distinct().Count());

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyTracker.Web.Data.TrackerDb>();
        var events = await db.Events.AsNoTracking().Where(e => e.ArticleId == articleId && e.Type == EventTypes.AnnotationCreated)
            .OrderBy(e => e.Id).ToListAsync();
        var announced = events.Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("id").GetInt32()).ToList();
        // One event per annotation, numbered in the order the annotations were stored.
        Assert.Equal(ids.Order(), announced);
        Assert.Equal(6, events.Count(e => e.VisibleToUserId is not null));
        foreach (var client in members) client.Dispose();
    }
}
