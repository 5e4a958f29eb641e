using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Search;

namespace PolicyTracker.Web.Search;

/// <summary>
/// What the index answered to a request, kept beside the searcher that answered it: a refresh
/// brings a new searcher, so nothing kept can be stale. Repeated searches (paging, shared links,
/// the same saved search from several people) then skip counting facets over every match.
/// </summary>
public static class SearcherResults
{
    /// <summary>Per searcher at most this many requests are kept; searchers last until the next refresh.</summary>
    public const int PerSearcher = 512;

    static readonly ConditionalWeakTable<IndexSearcher, ConcurrentDictionary<SearchRequest, object>> Kept = new();

    /// <summary>The kept answer of <paramref name="searcher"/> to <paramref name="request"/>, or <paramref name="answer"/>'s, then kept.</summary>
    public static T GetOrAnswer<T>(IndexSearcher searcher, SearchRequest request, Func<T> answer) where T : class
    {
        var kept = Kept.GetOrCreateValue(searcher);
        if (kept.TryGetValue(request, out var found)) return (T)found;
        var value = answer();
        if (kept.Count < PerSearcher) kept.TryAdd(request, value);
        return value;
    }
}
