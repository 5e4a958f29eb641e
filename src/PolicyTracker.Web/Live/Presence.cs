using System.Collections.Concurrent;

namespace PolicyTracker.Web.Live;

/// <summary>
/// Which connections view which article, and who they belong to. This node's connections are
/// kept here; with several nodes (<c>Live:Redis</c> set) they are also written to
/// <see cref="ScaleOut.SharedPresence"/>, and the viewers of an article are read from there.
/// </summary>
public sealed class Presence(ScaleOut.SharedPresence? shared = null)
{
    readonly ConcurrentDictionary<string, (int ArticleId, string Name)[]> byConnection = new();

    /// <summary>Records that a connection views an article.</summary>
    public async Task JoinAsync(string connectionId, int articleId, string name)
    {
        byConnection.AddOrUpdate(connectionId, [(articleId, name)],
            (_, list) => list.Any(v => v.ArticleId == articleId) ? list : [.. list, (articleId, name)]);
        if (shared is not null) await shared.PutAsync(articleId, connectionId, name);
    }

    /// <summary>Records that a connection left an article.</summary>
    public async Task LeaveAsync(string connectionId, int articleId)
    {
        byConnection.AddOrUpdate(connectionId, [], (_, list) => [.. list.Where(v => v.ArticleId != articleId)]);
        if (shared is not null) await shared.RemoveAsync(articleId, connectionId);
    }

    /// <summary>Forgets a closed connection; returns the articles it was viewing.</summary>
    public async Task<int[]> DropAsync(string connectionId)
    {
        int[] articles = byConnection.TryRemove(connectionId, out var list) ? [.. list.Select(v => v.ArticleId)] : [];
        if (shared is not null)
        {
            foreach (var articleId in articles) await shared.RemoveAsync(articleId, connectionId);
        }
        return articles;
    }

    /// <summary>Distinct names of those viewing an article, on every node, sorted.</summary>
    public async Task<IReadOnlyList<string>> ViewersAsync(int articleId)
    {
        var names = shared is null
            ? byConnection.Values.SelectMany(l => l).Where(v => v.ArticleId == articleId).Select(v => v.Name)
            : await shared.NamesAsync(articleId);
        return [.. names.Distinct().Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>This node's connections and what they view (the shared store's entries are renewed from it).</summary>
    public IEnumerable<(string ConnectionId, int ArticleId, string Name)> Local =>
        byConnection.SelectMany(p => p.Value.Select(v => (p.Key, v.ArticleId, v.Name)));
}
