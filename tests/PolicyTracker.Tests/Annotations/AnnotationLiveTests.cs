using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Live;
using static PolicyTracker.Tests.Annotations.AnnotationFixtures;

namespace PolicyTracker.Tests.Annotations;

public sealed class AnnotationLiveTests(SharedApp app) : IClassFixture<SharedApp>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    static Channel<EventMessage> Listen(HubConnection hub)
    {
        var channel = Channel.CreateUnbounded<EventMessage>();
        foreach (var name in new[] { EventTypes.AnnotationCreated, EventTypes.AnnotationUpdated, EventTypes.AnnotationDeleted })
            hub.On<EventMessage>(name, e => channel.Writer.TryWrite(e));
        return channel;
    }

    [Fact]
    public async Task Team_annotations_are_pushed_to_the_article_group_and_private_ones_only_to_their_author()
    {
        var (articleId, text) = await ArticleAsync(app);
        var authorMember = await app.CreateMemberAsync(Roles.Analyst);
        using var author = await app.CreateApiClientAsync(authorMember);
        await using var authorHub = await app.ConnectHubAsync(authorMember);
        await using var viewerHub = await app.ConnectHubAsync(await app.CreateMemberAsync(Roles.Analyst));
        var authorSees = Listen(authorHub);
        var viewerSees = Listen(viewerHub);
        await authorHub.InvokeAsync<JoinResult>("JoinArticle", articleId);
        var joined = await viewerHub.InvokeAsync<JoinResult>("JoinArticle", articleId);

        await author.PostAsync(Container(articleId), LinkedData(On(text, "ministry", "private thought", "private")));
        var team = await author.PostAsync(Container(articleId), LinkedData(On(text, "Critics", "team thought")));
        var teamIri = team.Headers.Location!.ToString();

        using var timeout = new CancellationTokenSource(Wait);
        var first = await viewerSees.Reader.ReadAsync(timeout.Token);
        Assert.Equal(EventTypes.AnnotationCreated, first.Type);
        Assert.Equal(articleId, first.ArticleId);
        Assert.Equal(teamIri, first.Data.GetProperty("annotation").GetProperty("id").GetString());
        var own = new[] { await authorSees.Reader.ReadAsync(timeout.Token), await authorSees.Reader.ReadAsync(timeout.Token) };
        Assert.Equal(["private", "team"], own.Select(e => e.Data.GetProperty("annotation").GetProperty("visibility").GetString()));

        var missed = await viewerHub.InvokeAsync<CatchUpPage>("CatchUp", joined.LastEvent);
        Assert.DoesNotContain(missed.Events, e => e.Data.ToString().Contains("private thought", StringComparison.Ordinal));
        Assert.Contains(missed.Events, e => e.Data.ToString().Contains("team thought", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_that_was_away_catches_up_on_every_change_in_order()
    {
        var (articleId, text) = await ArticleAsync(app);
        var viewer = await app.CreateMemberAsync(Roles.Analyst);
        using var author = await app.CreateApiClientAsync(await app.CreateMemberAsync(Roles.Analyst));
        long lastSeen;
        await using (var hub = await app.ConnectHubAsync(viewer))
            lastSeen = (await hub.InvokeAsync<JoinResult>("JoinArticle", articleId)).LastEvent;

        // While the viewer is away: create, edit, reply, delete.
        var created = await author.PostAsync(Container(articleId), LinkedData(On(text, "preview", "v1")));
        var iri = created.Headers.Location!.ToString();
        await author.PutAsync(iri, LinkedData(On(text, "preview", "v2")));
        await author.PostAsync(Container(articleId), LinkedData(Reply(iri, "a reply")));
        var gone = (await author.PostAsync(Container(articleId), LinkedData(On(text, "Critics", "short-lived")))).Headers.Location!.ToString();
        await author.DeleteAsync(gone);

        await using var back = await app.ConnectHubAsync(viewer);
        var page = await back.InvokeAsync<CatchUpPage>("CatchUp", lastSeen);
        var mine = page.Events.Where(e => e.ArticleId == articleId).ToList();
        Assert.Equal(
            [EventTypes.AnnotationCreated, EventTypes.AnnotationUpdated, EventTypes.AnnotationCreated, EventTypes.AnnotationCreated, EventTypes.AnnotationDeleted],
            mine.Select(e => e.Type));
        Assert.Equal(mine.Select(e => e.Number).Order(), mine.Select(e => e.Number));
        Assert.Equal("v2", mine[1].Data.GetProperty("annotation").GetProperty("body")[0].GetProperty("value").GetString());
        Assert.Equal(2, mine[1].Data.GetProperty("version").GetInt32());
    }
}
