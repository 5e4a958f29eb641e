using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Live;
using static PolicyTracker.Tests.SavedSearches.SavedSearchTesting;

namespace PolicyTracker.Tests.SavedSearches;

public sealed class SavedSearchLiveTests(SharedApp app) : IClassFixture<SharedApp>
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_match_is_pushed_live_to_its_owner_only()
    {
        var word = UniqueWord();
        var owner = await app.CreateMemberAsync(Roles.Analyst);
        using var api = await app.CreateApiClientAsync(owner);
        var id = (await SaveAsync(api, "Live watch", word)).GetProperty("id").GetInt32();
        await using var ownerHub = await app.ConnectHubAsync(owner);
        await using var otherHub = await app.ConnectHubAsync(await app.CreateMemberAsync(Roles.Analyst));
        var mine = Channel.CreateUnbounded<EventMessage>();
        var theirs = Channel.CreateUnbounded<EventMessage>();
        ownerHub.On<EventMessage>(EventTypes.SavedSearchMatched, e => mine.Writer.TryWrite(e));
        otherHub.On<EventMessage>(EventTypes.SavedSearchMatched, e => theirs.Writer.TryWrite(e));
        var otherIngested = Channel.CreateUnbounded<EventMessage>();
        otherHub.On<EventMessage>(EventTypes.ArticleIngested, e => otherIngested.Writer.TryWrite(e));

        var article = await AddArticleAsync(app, $"Agency publishes {word} guidance", "Guidance for model providers.");

        using var timeout = new CancellationTokenSource(Wait);
        var pushed = await mine.Reader.ReadAsync(timeout.Token);
        Assert.Equal(id, pushed.Data.GetProperty("savedSearchId").GetInt32());
        Assert.Equal(article, pushed.Data.GetProperty("articleId").GetInt32());
        Assert.Equal("Live watch", pushed.Data.GetProperty("name").GetString());
        Assert.Equal(1, pushed.Data.GetProperty("unread").GetInt32());
        // The other member saw the article itself arrive, later than the match was announced, and never the match.
        EventMessage seen;
        do seen = await otherIngested.Reader.ReadAsync(timeout.Token); while (seen.ArticleId != article);
        await Task.Delay(500);
        Assert.False(theirs.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_match_missed_while_away_is_caught_up_after_reconnecting()
    {
        var word = UniqueWord();
        var owner = await app.CreateMemberAsync(Roles.Analyst);
        using var api = await app.CreateApiClientAsync(owner);
        var id = (await SaveAsync(api, "While away", word)).GetProperty("id").GetInt32();
        var hub = await app.ConnectHubAsync(owner);
        var last = await hub.InvokeAsync<long>("LastEventNumber");
        await hub.DisposeAsync();

        var article = await AddArticleAsync(app, $"Court rules on {word} case", "The ruling concerns model training.");
        await MatchesAsync(api, id, 1);

        await using var back = await app.ConnectHubAsync(owner);
        var missed = new List<EventMessage>();
        var page = await back.InvokeAsync<CatchUpPage>("CatchUp", last);
        missed.AddRange(page.Events);
        while (page.HasMore)
        {
            page = await back.InvokeAsync<CatchUpPage>("CatchUp", page.Last);
            missed.AddRange(page.Events);
        }

        var match = Assert.Single(missed, e => e.Type == EventTypes.SavedSearchMatched);
        Assert.Equal(id, match.Data.GetProperty("savedSearchId").GetInt32());
        Assert.Equal(article, match.Data.GetProperty("articleId").GetInt32());
        Assert.True(match.Number > missed.Single(e => e.Type == EventTypes.ArticleIngested && e.ArticleId == article).Number);
    }
}
