using Lucene.Net.Search;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Web.SavedSearches.Matching;

/// <summary>What the monitor needs of a saved search.</summary>
public sealed record WatchDefinition(int Id, string OwnerId, string Name, string Query, string? Source, string? Flag, long StartAfterEvent, DateTime UpdatedAt);

/// <summary>A registered saved search: its parsed query and the condition that selects it as a candidate.</summary>
public sealed record Watch(WatchDefinition Definition, Query Query, Condition Condition, IReadOnlyCollection<string>? Anchors);

/// <summary>How much work one article took, for the benchmark and the logs.</summary>
public sealed class MatchCounters
{
    public long Articles;
    public long Candidates;
    public long QueriesRun;
    public long Matches;
    /// <summary>Stopwatch ticks spent loading articles into memory and running queries.</summary>
    public long LoadTicks;
    public long QueryTicks;
}

/// <summary>
/// Every saved search in memory, each parsed once, with an inverted map from anchor terms to
/// saved searches (a presearcher, as in Lucene's query monitor). An article is loaded into an
/// <see cref="ArticleMemory"/>; only saved searches anchored on one of its terms (or on none)
/// are candidates, their term conditions filter further, and the survivors' real queries run
/// against that one-document index. Not thread-safe: the follower owns it.
/// </summary>
public sealed class SavedSearchMonitor
{
    readonly Dictionary<int, Watch> watches = [];
    readonly Dictionary<string, List<int>> byTerm = new(StringComparer.Ordinal);
    readonly HashSet<int> unanchored = [];
    readonly Func<string, double> cost;
    readonly ArticleMemory memory = new();
    readonly HashSet<int> candidates = [];

    /// <param name="documentFrequency">How many indexed articles hold a term key; rarer anchors make fewer candidates.</param>
    public SavedSearchMonitor(Func<string, int>? documentFrequency = null)
    {
        // Rare terms first; without statistics, longer words are usually the rarer ones.
        cost = key => ((documentFrequency?.Invoke(key) ?? 0) + 1) * (1 + 8.0 / key.Length);
    }

    public int Count => watches.Count;

    public MatchCounters Counters { get; } = new();

    /// <summary>The definitions registered now, by id.</summary>
    public IReadOnlyDictionary<int, Watch> Watches => watches;

    /// <summary>Adds or replaces a saved search; throws <see cref="QueryError"/> when its query cannot be read.</summary>
    public void Put(WatchDefinition definition)
    {
        var (query, _) = SearchService.Build(new SearchRequest(definition.Query, Source: definition.Source, Flag: definition.Flag));
        Remove(definition.Id);
        var condition = Condition.Of(query);
        var anchors = condition.Anchors(cost);
        watches[definition.Id] = new Watch(definition, query, condition, anchors);
        if (anchors is not null)
        {
            foreach (var key in anchors)
            {
                if (!byTerm.TryGetValue(key, out var list)) byTerm[key] = list = [];
                list.Add(definition.Id);
            }
        }
        else
        {
            unanchored.Add(definition.Id);
        }
    }

    /// <summary>Forgets a saved search.</summary>
    public void Remove(int id)
    {
        if (!watches.Remove(id, out var old)) return;
        if (!unanchored.Remove(id) && old.Anchors is not null)
        {
            foreach (var key in old.Anchors)
            {
                if (byTerm.TryGetValue(key, out var list) && list.Remove(id) && list.Count == 0) byTerm.Remove(key);
            }
        }
    }

    /// <summary>The saved searches that find <paramref name="article"/>, among those created before event <paramref name="eventNumber"/>.</summary>
    public List<Watch> Match(IndexedArticle article, long eventNumber)
    {
        var found = new List<Watch>();
        if (watches.Count == 0) return found;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        memory.Load(article);
        var loaded = System.Diagnostics.Stopwatch.GetTimestamp();
        Counters.LoadTicks += loaded - started;
        candidates.Clear();
        foreach (var key in memory.Terms)
        {
            if (byTerm.TryGetValue(key, out var ids)) candidates.UnionWith(ids);
        }
        candidates.UnionWith(unanchored);
        Counters.Articles++;
        Counters.Candidates += candidates.Count;
        foreach (var id in candidates)
        {
            var watch = watches[id];
            if (watch.Definition.StartAfterEvent >= eventNumber || !watch.Condition.Holds(memory.Terms)) continue;
            // A query of plain terms has been answered by its condition; others run on the article.
            if (!watch.Condition.Exact)
            {
                Counters.QueriesRun++;
                if (!memory.Matches(watch.Query)) continue;
            }
            found.Add(watch);
        }
        Counters.Matches += found.Count;
        Counters.QueryTicks += System.Diagnostics.Stopwatch.GetTimestamp() - loaded;
        return found;
    }
}
