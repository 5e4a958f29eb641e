using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Provenance;

namespace PolicyTracker.Web.Search;

/// <summary>What a search asks for; every part of it travels in the URL.</summary>
public sealed record SearchRequest(string? Q, DateTime? From = null, DateTime? To = null, string? Source = null, string? Flag = null,
    string Sort = "relevance", int Page = 1, int PageSize = 20, string? Entity = null, string? Cluster = null, string? ClaimStatus = null)
{
    /// <summary>One hit per story, unless the search is already inside one story.</summary>
    public bool Collapse => string.IsNullOrWhiteSpace(Cluster);
}

/// <summary>One result: the article, why it matched (a snippet with &lt;mark&gt;), its flags, and how many other matches tell the same story.</summary>
public sealed record SearchHit(int Id, string Title, string? Source, DateTime? PublishedAt, float Score, string Snippet,
    IReadOnlyList<FlagBadge> Flags, object? ClaimSummary, int Similar)
{
    /// <summary>The story key (<c>cluster:</c> in queries) that expands the similar hits.</summary>
    public string? Story { get; init; }
}

/// <summary><c>{total, page, pageSize, hits, facets}</c>.</summary>
public sealed record SearchResult(int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    /// <summary>True while the index is still catching up with the database (after a rebuild): results may be incomplete.</summary>
    public bool Rebuilding { get; init; }
}

/// <summary>One bucket of the coverage timeline.</summary>
public sealed record TimelineBucket(string Date, int Count, IReadOnlyDictionary<string, int> ByClaimStatus);

/// <summary>Runs searches on the shared index; the database supplies what the page shows (snippets, flags).</summary>
public sealed class SearchService(SearchIndex index, IndexFollower follower, TrackerDb db, Infrastructure.TrackerSettings settings)
{
    /// <summary>The facet fields every search counts (decoded ahead for new segments by the index).</summary>
    public static readonly string[] FacetFields = [Fields.SourceFacet, Fields.FlagFacet, Fields.MonthFacet, Fields.EntityFacet, Fields.ClaimStatusFacet];

    /// <summary>Runs the search; throws <see cref="QueryError"/> for a query that cannot be read.</summary>
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        // A kept answer skips parsing too; a query that cannot be read is never kept, so it is refused every time.
        var answered = index.Search(searcher => settings.Search.KeepResults
            ? SearcherResults.GetOrAnswer(searcher, request, () => Answer(searcher, request))
            : Answer(searcher, request));
        // What the hits show (title, flags, claims, snippet) changes only through events, which re-index the article
        // and so bring a new searcher: hits made for a kept answer stay right as long as it does.
        var hits = answered.Hits ??= await HitsAsync(answered, ct);
        return new SearchResult(answered.Total, request.Page, request.PageSize, hits, answered.Facets) { Rebuilding = follower.CatchingUp };
    }

    async Task<IReadOnlyList<SearchHit>> HitsAsync(Answered answered, CancellationToken ct)
    {
        var ids = answered.Docs.Select(d => d.Id).ToList();
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Text, Source = a.Source == null ? null : a.Source.Name, a.PublishedAt }).ToDictionaryAsync(a => a.Id, ct);
        var flags = (await db.Flags.AsNoTracking().Active().Where(f => ids.Contains(f.ArticleId)).Select(f => new { f.ArticleId, f.Kind, f.Severity }).ToListAsync(ct))
            .ToLookup(f => f.ArticleId, f => new FlagBadge(f.Kind, f.Severity));
        var claims = await new Claims.ClaimQueries(db).SummariesAsync(ids, ct);
        var snippets = answered.HighlightQuery is null ? null : new Snippets(answered.HighlightQuery, Fields.Text);
        return [.. answered.Docs.Where(d => rows.ContainsKey(d.Id)).Select(d =>
        {
            var row = rows[d.Id];
            return new SearchHit(row.Id, row.Title, row.Source, row.PublishedAt, d.Score, snippets?.For(row.Text, SearchIndex.SharedAnalyzer, Fields.Text) ?? Snippets.Opening(row.Text),
                FlagBadge.Distinct(flags[row.Id]), claims.GetValueOrDefault(row.Id), d.Similar) { Story = d.Story };
        })];
    }

    /// <summary>What the index answers: the total, the page's documents, the facets and the query snippets mark.</summary>
    static Answered Answer(IndexSearcher searcher, SearchRequest request)
    {
        var (query, textQuery) = Build(request);
        var wanted = request.Page * request.PageSize;
        using var counter = new FacetCollector(FacetFields, withTimes: false, groupByStory: request.Collapse);
        var top = Collect(searcher, query, request, textQuery, request.Collapse ? wanted * 4 : wanted, counter);
        // Collapsed: the best hit of each story stands for it; fetch deeper until the page is full or every match is in.
        var hits = Page(searcher, top, request, counter);
        while (request.Collapse && hits.Count < request.PageSize && top.ScoreDocs.Length < top.TotalHits)
        {
            top = Collect(searcher, query, request, textQuery, (int)Math.Min((long)top.ScoreDocs.Length * 4, top.TotalHits), null);
            hits = Page(searcher, top, request, counter);
        }
        var facetValues = new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["source"] = counter.Top(Fields.SourceFacet, 20),
            ["flag"] = counter.Top(Fields.FlagFacet, 20),
            ["entity"] = counter.Top(Fields.EntityFacet, 20),
            ["claimStatus"] = counter.Top(Fields.ClaimStatusFacet, 10),
            ["month"] = [.. counter.Top(Fields.MonthFacet, 1000).OrderByDescending(f => f.Value, StringComparer.Ordinal)],
        };
        // Wildcards and fuzzy terms become the terms they matched, so snippets can mark them.
        return new Answered(request.Collapse ? counter.Stories : counter.Matches, hits, facetValues, textQuery is null ? null : searcher.Rewrite(textQuery));
    }

    /// <summary>An answer of the index; kept, it also keeps the hits made for it.</summary>
    sealed record Answered(int Total, List<(int Id, float Score, int Similar, string? Story)> Docs,
        IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets, Query? HighlightQuery)
    {
        /// <summary>The hits as shown, once made (two searches may both make them: the same hits either way).</summary>
        public IReadOnlyList<SearchHit>? Hits { get; set; }
    }

    /// <summary>Matching coverage per day, week or month, each bucket also counted by the claim statuses its articles carry.</summary>
    public IReadOnlyList<TimelineBucket> Timeline(SearchRequest request, string interval)
    {
        var (query, _) = Build(request);
        var buckets = Buckets(query, interval);
        var byStatus = Claims.ClaimStatuses.All.ToDictionary(s => s, s => Buckets(
            new BooleanQuery { { query, Occur.MUST }, { Filter(new TermQuery(new Term(Fields.ClaimStatus, s))), Occur.MUST } }, interval));
        return [.. buckets.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => new TimelineBucket(b.Key, b.Value,
            byStatus.Where(s => s.Value.ContainsKey(b.Key)).ToDictionary(s => s.Key, s => s.Value[b.Key])))];
    }

    Dictionary<string, int> Buckets(Query query, string interval)
    {
        var times = index.Search(searcher =>
        {
            using var counter = new FacetCollector([], withTimes: true);
            searcher.Search(query, counter);
            return counter.Times;
        });
        return times.Select(t => Bucket(new DateTime(t, DateTimeKind.Utc), interval)).GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>The Lucene query for a request, as searches run it (used by the relevance evaluation too).</summary>
    public static (Query Query, Query? TextQuery) Build(SearchRequest request)
    {
        var text = string.IsNullOrWhiteSpace(request.Q) ? null : TrackerQueryParser.ParseQuery(request.Q, SearchIndex.SharedAnalyzer);
        var query = new BooleanQuery { { text ?? new MatchAllDocsQuery(), Occur.MUST } };
        if (!string.IsNullOrWhiteSpace(request.Source)) query.Add(Filter(new TermQuery(new Term(Fields.Source, request.Source.Trim().ToLowerInvariant()))), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(request.Flag)) query.Add(Filter(new TermQuery(new Term(Fields.Flag, request.Flag.Trim().ToLowerInvariant()))), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(request.ClaimStatus)) query.Add(Filter(new TermQuery(new Term(Fields.ClaimStatus, request.ClaimStatus.Trim().ToLowerInvariant()))), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(request.Entity)) query.Add(Filter(new TermQuery(new Term(Fields.Entity, request.Entity.Trim().ToLowerInvariant()))), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(request.Cluster)) query.Add(Filter(new TermQuery(new Term(Fields.Cluster, request.Cluster.Trim().ToLowerInvariant()))), Occur.MUST);
        if (request.From is not null || request.To is not null)
            query.Add(Filter(NumericRangeQuery.NewInt64Range(Fields.Published, request.From?.Ticks, request.To?.AddDays(1).Ticks - 1, true, true)), Occur.MUST);
        return (query, text);
    }

    static TopDocs Collect(IndexSearcher searcher, Query query, SearchRequest request, Query? textQuery, int depth, FacetCollector? counter)
    {
        ITopDocsCollector top = request.Sort == "date" || textQuery is null
            ? TopFieldCollector.Create(new Sort(new SortField(Fields.PublishedSort, SortFieldType.INT64, reverse: true)), depth, true, true, false, false)
            // Out of order: a disjunction is then scored in buckets (BooleanScorer), as IndexSearcher does for its own top hits.
            : TopScoreDocCollector.Create(depth, false);
        searcher.Search(query, counter is null ? top : MultiCollector.Wrap((ICollector)top, counter));
        return top.GetTopDocs();
    }

    /// <summary>The requested page of hits, one per story when collapsing, each with how many other matches share its story.</summary>
    static List<(int Id, float Score, int Similar, string? Story)> Page(IndexSearcher searcher, TopDocs top, SearchRequest request, FacetCollector counter)
    {
        var seen = new HashSet<long>();
        var kept = new List<(ScoreDoc Doc, long Story)>();
        var wanted = request.Page * request.PageSize;
        var leaves = searcher.IndexReader.Leaves;
        foreach (var d in top.ScoreDocs)
        {
            // The story from doc values: loading stored fields for every candidate was most of a search's time.
            var leaf = leaves[ReaderUtil.SubIndex(d.Doc, leaves)];
            var story = SegmentFacets.Of(leaf.AtomicReader).Stories(leaf.AtomicReader)?[d.Doc - leaf.DocBase] ?? 0;
            if (request.Collapse && story > 0 && !seen.Add(story)) continue;
            kept.Add((d, story));
            if (kept.Count >= wanted) break;
        }
        return [.. kept.Skip((request.Page - 1) * request.PageSize).Select(k =>
        {
            var leaf = leaves[ReaderUtil.SubIndex(k.Doc.Doc, leaves)];
            var id = SegmentFacets.Of(leaf.AtomicReader).Ids(leaf.AtomicReader)[k.Doc.Doc - leaf.DocBase];
            var similar = request.Collapse && k.Story > 0 ? counter.StorySize(k.Story) - 1 : 0;
            return (id, float.IsNaN(k.Doc.Score) ? 0 : k.Doc.Score, similar, k.Story > 0 ? $"c{k.Story}" : null);
        })];
    }

    // Filters narrow the results without changing their order.
    static Query Filter(Query q) => new ConstantScoreQuery(q) { Boost = 0 };

    static string Bucket(DateTime day, string interval) => interval switch
    {
        "day" => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        "week" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
    };
}
