using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Search;

/// <summary>What a search asks for; every part of it travels in the URL.</summary>
public sealed record SearchRequest(string? Q, DateTime? From = null, DateTime? To = null, string? Source = null, string? Flag = null,
    string Sort = "relevance", int Page = 1, int PageSize = 20);

/// <summary>One result: the article, why it matched (a snippet with &lt;mark&gt;), and its flags.</summary>
public sealed record SearchHit(int Id, string Title, string? Source, DateTime? PublishedAt, float Score, string Snippet,
    IReadOnlyList<FlagBadge> Flags, object? ClaimSummary, int Similar);

/// <summary><c>{total, page, pageSize, hits, facets}</c>.</summary>
public sealed record SearchResult(int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    /// <summary>True while the index is still catching up with the database (after a rebuild): results may be incomplete.</summary>
    public bool Rebuilding { get; init; }
}

/// <summary>One bucket of the coverage timeline.</summary>
public sealed record TimelineBucket(string Date, int Count, IReadOnlyDictionary<string, int> ByClaimStatus);

/// <summary>Runs searches on the shared index; the database supplies what the page shows (snippets, flags).</summary>
public sealed class SearchService(SearchIndex index, IndexFollower follower, TrackerDb db)
{
    static readonly string[] FacetFields = [Fields.SourceFacet, Fields.FlagFacet, Fields.MonthFacet];

    /// <summary>Runs the search; throws <see cref="QueryError"/> for a query that cannot be read.</summary>
    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var (query, textQuery) = Build(request);
        var (total, docs, facets, highlightQuery) = index.Search(searcher =>
        {
            var wanted = request.Page * request.PageSize;
            ITopDocsCollector top = request.Sort == "date" || textQuery is null
                ? TopFieldCollector.Create(new Sort(new SortField(Fields.PublishedSort, SortFieldType.INT64, reverse: true)), wanted, true, true, false, false)
                : TopScoreDocCollector.Create(wanted, true);
            var counter = new FacetCollector(FacetFields, withTimes: false);
            searcher.Search(query, MultiCollector.Wrap((ICollector)top, counter));
            var page = top.GetTopDocs((request.Page - 1) * request.PageSize, request.PageSize).ScoreDocs
                .Select(d => (Id: int.Parse(searcher.Doc(d.Doc).Get(Fields.Id), System.Globalization.CultureInfo.InvariantCulture), Score: float.IsNaN(d.Score) ? 0 : d.Score))
                .ToList();
            var facetValues = new Dictionary<string, IReadOnlyList<FacetValue>>
            {
                ["source"] = counter.Top(Fields.SourceFacet, 20),
                ["flag"] = counter.Top(Fields.FlagFacet, 20),
                ["entity"] = [],
                ["claimStatus"] = [],
                ["month"] = [.. counter.Top(Fields.MonthFacet, 1000).OrderByDescending(f => f.Value, StringComparer.Ordinal)],
            };
            // Wildcards and fuzzy terms become the terms they matched, so snippets can mark them.
            return (counter.Matches, page, facetValues, textQuery is null ? null : searcher.Rewrite(textQuery));
        });

        var ids = docs.Select(d => d.Id).ToList();
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Text, Source = a.Source == null ? null : a.Source.Name, a.PublishedAt }).ToDictionaryAsync(a => a.Id, ct);
        var flags = (await db.Flags.AsNoTracking().Where(f => ids.Contains(f.ArticleId) && !f.Dismissed).Select(f => new { f.ArticleId, f.Kind, f.Severity }).ToListAsync(ct))
            .ToLookup(f => f.ArticleId, f => new FlagBadge(f.Kind, f.Severity));
        var snippets = highlightQuery is null ? null : new Snippets(highlightQuery, Fields.Text);
        var hits = docs.Where(d => rows.ContainsKey(d.Id)).Select(d =>
        {
            var row = rows[d.Id];
            return new SearchHit(row.Id, row.Title, row.Source, row.PublishedAt, d.Score, snippets?.For(row.Text, SearchIndex.SharedAnalyzer, Fields.Text) ?? Snippets.Opening(row.Text),
                FlagBadge.Distinct(flags[row.Id]), null, 0);
        }).ToList();
        return new SearchResult(total, request.Page, request.PageSize, hits, facets) { Rebuilding = follower.CatchingUp };
    }

    /// <summary>Matching coverage per day, week or month.</summary>
    public IReadOnlyList<TimelineBucket> Timeline(SearchRequest request, string interval)
    {
        var (query, _) = Build(request);
        var times = index.Search(searcher =>
        {
            var counter = new FacetCollector([], withTimes: true);
            searcher.Search(query, counter);
            return counter.Times;
        });
        return [.. times.Select(t => Bucket(new DateTime(t, DateTimeKind.Utc), interval)).GroupBy(d => d).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TimelineBucket(g.Key, g.Count(), new Dictionary<string, int>()))];
    }

    /// <summary>The Lucene query for a request, as searches run it (used by the relevance evaluation too).</summary>
    public static (Query Query, Query? TextQuery) Build(SearchRequest request)
    {
        var text = string.IsNullOrWhiteSpace(request.Q) ? null : TrackerQueryParser.ParseQuery(request.Q, SearchIndex.SharedAnalyzer);
        var query = new BooleanQuery { { text ?? new MatchAllDocsQuery(), Occur.MUST } };
        if (!string.IsNullOrWhiteSpace(request.Source)) query.Add(Filter(new TermQuery(new Term(Fields.Source, request.Source.Trim().ToLowerInvariant()))), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(request.Flag)) query.Add(Filter(new TermQuery(new Term(Fields.Flag, request.Flag.Trim().ToLowerInvariant()))), Occur.MUST);
        if (request.From is not null || request.To is not null)
            query.Add(Filter(NumericRangeQuery.NewInt64Range(Fields.Published, request.From?.Ticks, request.To?.AddDays(1).Ticks - 1, true, true)), Occur.MUST);
        return (query, text);
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
