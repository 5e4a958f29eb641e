using Microsoft.Extensions.Caching.Memory;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Articles;

/// <summary>
/// Reads an article in full for the page and the API, keeping recent ones in memory: an article
/// is read far more often than it changes. Every change to an article writes an event; the
/// index follower (which sees the events of every process) calls <see cref="Forget"/> for it,
/// and entries also expire on their own after a minute.
/// </summary>
public sealed class ArticleReader(IServiceScopeFactory scopes, IMemoryCache cache)
{
    static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    /// <summary>The article, or null when it does not exist.</summary>
    public async Task<ArticleDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(id), out ArticleDetail? cached)) return cached;
        await using var scope = scopes.CreateAsyncScope();
        var article = await scope.ServiceProvider.GetRequiredService<TrackerDb>().DetailAsync(id, ct);
        if (article is not null) cache.Set(Key(id), article, KeepFor);
        return article;
    }

    /// <summary>Who dismissed or restored the article's flags, cached like the article.</summary>
    public async Task<IReadOnlyList<Provenance.FlagAudit>> TrailAsync(int id, CancellationToken ct = default)
    {
        if (cache.TryGetValue(("trail", id), out IReadOnlyList<Provenance.FlagAudit>? cached)) return cached!;
        await using var scope = scopes.CreateAsyncScope();
        IReadOnlyList<Provenance.FlagAudit> trail = await scope.ServiceProvider.GetRequiredService<Provenance.FlagReview>().TrailAsync(id, ct);
        cache.Set(("trail", id), trail, KeepFor);
        return trail;
    }

    /// <summary>Drops the cached copies of these articles after they changed.</summary>
    public void Forget(IEnumerable<int> ids)
    {
        foreach (var id in ids)
        {
            cache.Remove(Key(id));
            cache.Remove(("trail", id));
        }
    }

    static (string, int) Key(int id) => ("article", id);
}
