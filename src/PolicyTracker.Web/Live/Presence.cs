using System.Collections.Concurrent;

namespace PolicyTracker.Web.Live;

/// <summary>Which connections view which article on this node, and who they belong to.</summary>
public sealed class Presence
{
    readonly ConcurrentDictionary<string, (int ArticleId, string Name)[]> byConnection = new();

    /// <summary>Records that a connection views an article.</summary>
    public void Join(string connectionId, int articleId, string name) =>
        byConnection.AddOrUpdate(connectionId, [(articleId, name)],
            (_, list) => list.Any(v => v.ArticleId == articleId) ? list : [.. list, (articleId, name)]);

    /// <summary>Records that a connection left an article.</summary>
    public void Leave(string connectionId, int articleId) =>
        byConnection.AddOrUpdate(connectionId, [], (_, list) => [.. list.Where(v => v.ArticleId != articleId)]);

    /// <summary>Forgets a closed connection; returns the articles it was viewing.</summary>
    public int[] Drop(string connectionId) =>
        byConnection.TryRemove(connectionId, out var list) ? [.. list.Select(v => v.ArticleId)] : [];

    /// <summary>Distinct names of those viewing an article, sorted.</summary>
    public IReadOnlyList<string> Viewers(int articleId) =>
        [.. byConnection.Values.SelectMany(l => l).Where(v => v.ArticleId == articleId)
            .Select(v => v.Name).Distinct().Order(StringComparer.OrdinalIgnoreCase)];
}
