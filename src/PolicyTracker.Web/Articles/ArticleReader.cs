using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.Articles;

/// <summary>
/// Reads an article in full for the page and the API, and the parts its page panels show
/// (claims, story, entities, revisions), keeping recent ones in memory: an article is read far
/// more often than it changes. Every change to an article writes an event: this process drops
/// its copies as soon as it saves one, the index follower (which sees the events of every
/// process) does for the others, and entries also expire on their own after a minute. Parts
/// that show other articles (the story) are dropped when any of those changes too.
/// </summary>
public sealed class ArticleReader
{
    static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    readonly IServiceScopeFactory scopes;
    readonly IMemoryCache cache;
    // One token per article; cancelling it drops every cached part of that article at once.
    readonly ConcurrentDictionary<int, CancellationTokenSource> versions = new();
    // For each article, the articles whose parts show something of it (a story lists its members'
    // titles, outlets and dates): a change to it drops their parts as well.
    readonly ConcurrentDictionary<int, ConcurrentDictionary<int, byte>> shownBy = new();
    long forgets; // how many times articles were forgotten, to spot a change made while a part was read

    public ArticleReader(IServiceScopeFactory scopes, IMemoryCache cache, EventSignal signal)
    {
        (this.scopes, this.cache) = (scopes, cache);
        signal.ArticlesChanged += Forget;
    }

    /// <summary>The article, or null when it does not exist.</summary>
    public Task<ArticleDetail?> GetAsync(int id, CancellationToken ct = default) =>
        // An unknown id is not kept: guessed addresses would otherwise fill the cache.
        PartAsync("article", id, async (services, c) =>
        {
            var article = await services.GetRequiredService<TrackerDb>().DetailAsync(id, c);
            if (article?.Cluster is Stories.ClusterDto story) Shows(id, story.Articles.Select(a => a.Id));
            return article;
        }, keepMissing: false, ct);

    /// <summary>The article's story (null when it stands alone), cached like the article.</summary>
    public Task<Stories.ClusterDto?> StoryAsync(int id, CancellationToken ct = default) =>
        PartAsync("story", id, async (services, c) =>
        {
            var story = await Stories.StoryQueries.ClusterOfArticleAsync(services.GetRequiredService<TrackerDb>(), id, c);
            if (story is not null) Shows(id, story.Articles.Select(a => a.Id));
            return story;
        }, ct);

    /// <summary>Notes that the parts of article <paramref name="id"/> show something of <paramref name="others"/>, so a change to any of them drops those parts too.</summary>
    void Shows(int id, IEnumerable<int> others)
    {
        foreach (var other in others)
            if (other != id) shownBy.GetOrAdd(other, _ => new()).TryAdd(id, 0);
    }

    /// <summary>Who dismissed or restored the article's flags, cached like the article.</summary>
    public Task<IReadOnlyList<Provenance.FlagAudit>> TrailAsync(int id, CancellationToken ct = default) =>
        PartAsync<IReadOnlyList<Provenance.FlagAudit>>("trail", id,
            async (services, c) => await services.GetRequiredService<Provenance.FlagReview>().TrailAsync(id, c), ct);

    /// <summary>
    /// A part of article <paramref name="id"/> read by <paramref name="load"/> (with the services of
    /// a scope of its own), kept until the article changes. Values are shared between requests:
    /// read them, never change them.
    /// </summary>
    public async Task<T> PartAsync<T>(string part, int id, Func<IServiceProvider, CancellationToken, Task<T>> load, CancellationToken ct = default) =>
        await PartAsync(part, id, load, keepMissing: true, ct);

    /// <summary>The same; with <paramref name="keepMissing"/>, "nothing" (an article in no story) is kept too, or every view of such an article would ask again.</summary>
    public async Task<T> PartAsync<T>(string part, int id, Func<IServiceProvider, CancellationToken, Task<T>> load, bool keepMissing, CancellationToken ct)
    {
        if (cache.TryGetValue((part, id), out Kept<T>? kept)) return kept!.Value;
        // Taken before reading: a change saved meanwhile cancels it, and the value read is not kept.
        var version = versions.GetOrAdd(id, _ => new CancellationTokenSource()).Token;
        // A part may show other articles, learnt only by reading it: if any article changed
        // meanwhile, it may be one of those, so the value is used but not kept.
        var forgotten = Interlocked.Read(ref forgets);
        await using var scope = scopes.CreateAsyncScope();
        var value = await load(scope.ServiceProvider, ct);
        if ((value is not null || keepMissing) && Interlocked.Read(ref forgets) == forgotten)
            cache.Set((part, id), new Kept<T>(value), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = KeepFor }.AddExpirationToken(new CancellationChangeToken(version)));
        return value;
    }

    sealed record Kept<T>(T Value);

    /// <summary>Drops the cached copies of these articles after they changed.</summary>
    public void Forget(IEnumerable<int> ids)
    {
        foreach (var id in ids)
        {
            Interlocked.Increment(ref forgets);
            Drop(id);
            if (shownBy.TryRemove(id, out var showing))
                foreach (var other in showing.Keys) Drop(other);
        }
    }

    void Drop(int id)
    {
        if (versions.TryRemove(id, out var version)) version.Cancel(); // not disposed: a read in flight may still hold its token
    }
}
