using Lucene.Net.Search;
using PolicyTracker.Web.SavedSearches.Matching;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Tests.SavedSearches;

/// <summary>The in-memory matcher finds exactly what the Search page's index search finds, query by query.</summary>
public sealed class SavedSearchMatchingTests : IDisposable
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "policytracker-tests", Guid.NewGuid().ToString("N"));

    static readonly IndexedArticle[] Articles =
    [
        new(1, "Export rules tightened for frontier models", "The commerce department restricted exports of model weights. People familiar with the matter said the rule takes effect in May.",
            "meridian.example", "Meridian Wire", "Ana Ruiz", new DateTime(2026, 5, 2, 0, 0, 0, DateTimeKind.Utc), DateTime.UtcNow, ["unverified"]),
        new(2, "GPT-5.6 preview opens to trusted partners", "A restricted preview of GPT-5.6 opened to the Trusted Partner programme; open weights are not planned.",
            "ledger.example", "Ledger Daily", null, new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc), DateTime.UtcNow, ["ai-generated", "missing-byline"]),
        new(3, "Parliament debates an AI liability bill", "Lawmakers debated liability for AI systems. The bill would require disclosures and audits.",
            null, null, "Tom Berg", null, new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc), []),
        new(4, "Open-weight release draws scrutiny", "An open-weight model release drew scrutiny from regulators over export controls and safety testing.",
            "meridian.example", "Meridian Wire", "Li Wen", new DateTime(2026, 6, 20, 0, 0, 0, DateTimeKind.Utc), DateTime.UtcNow, ["ai-assisted"]),
    ];

    static readonly (string Q, string? Source, string? Flag)[] Queries =
    [
        ("export", null, null),
        ("restrict", null, null),
        ("export rules", null, null),
        ("open weights release scrutiny regulators", null, null),
        ("\"trusted partner\"", null, null),
        ("\"people familiar with the matter\"", null, null),
        ("export AND NOT preview", null, null),
        ("(liability OR preview) AND title:bill", null, null),
        ("source:\"Meridian Wire\" export", null, null),
        ("flag:ai-generated", null, null),
        ("author:berg", null, null),
        ("published:[2026-05-01 TO 2026-06-30]", null, null),
        ("published:[2026-05-01 TO 2026-06-30] export", null, null),
        ("prev*", null, null),
        ("model", "Meridian Wire", null),
        ("", null, "ai-assisted"),
        ("gpt-5.6", null, null),
        ("nothing matches this zebra", null, null),
        ("-export", null, null),
        ("export NOT \"export rules\"", null, null),
        ("(export OR preview) AND NOT source:\"Ledger Daily\"", null, null),
        ("export model weights rule lawmakers", null, null),
        ("title:export rule", null, null),
        ("regulators scrutiny safety", "Meridian Wire", "ai-assisted"),
        ("liability", null, "unverified"),
        ("+export +(preview OR weights) -title:gpt", null, null),
        ("NOT preview AND NOT export", null, null),
    ];

    [Fact]
    public void Every_saved_query_matches_exactly_the_articles_the_index_search_finds()
    {
        using var index = new SearchIndex(folder);
        foreach (var a in Articles) index.Upsert(a);
        index.Refresh(1);
        var monitor = new SavedSearchMonitor();
        for (var i = 0; i < Queries.Length; i++)
            monitor.Put(new WatchDefinition(i, "owner", $"q{i}", Queries[i].Q, Queries[i].Source, Queries[i].Flag, 0, DateTime.UtcNow));

        var byMonitor = Articles.SelectMany(a => monitor.Match(a, 10).Select(w => (w.Definition.Id, a.Id))).ToHashSet();

        for (var i = 0; i < Queries.Length; i++)
        {
            var (query, _) = SearchService.Build(new SearchRequest(Queries[i].Q, Source: Queries[i].Source, Flag: Queries[i].Flag));
            var expected = index.Search(s => s.Search(query, 100).ScoreDocs.Select(d => int.Parse(s.Doc(d.Doc).Get(Fields.Id), System.Globalization.CultureInfo.InvariantCulture)).Order().ToList());
            var actual = byMonitor.Where(m => m.Item1 == i).Select(m => m.Item2).Order().ToList();
            Assert.True(expected.SequenceEqual(actual), $"'{Queries[i].Q}': index found [{string.Join(",", expected)}], monitor [{string.Join(",", actual)}]");
        }
        Assert.Contains(byMonitor, m => m.Item1 == 0); // the set is not trivially empty
    }

    [Fact]
    public void Only_saved_searches_anchored_on_the_articles_terms_run_their_queries()
    {
        var monitor = new SavedSearchMonitor();
        for (var i = 0; i < 200; i++) monitor.Put(new WatchDefinition(i, "o", "n", $"\"zebra{i} quagga{i}\"", null, null, 0, DateTime.UtcNow));
        monitor.Put(new WatchDefinition(999, "o", "n", "\"export controls\"", null, null, 0, DateTime.UtcNow));

        var found = monitor.Match(Articles[3], 10);

        Assert.Equal([999], found.Select(w => w.Definition.Id));
        Assert.Equal(1, monitor.Counters.Candidates);
        Assert.Equal(1, monitor.Counters.QueriesRun); // a phrase needs positions: its query runs
    }

    [Fact]
    public void Queries_of_plain_terms_are_answered_without_running_them()
    {
        var monitor = new SavedSearchMonitor();
        monitor.Put(new WatchDefinition(1, "o", "n", "export AND NOT preview", null, null, 0, DateTime.UtcNow));
        monitor.Put(new WatchDefinition(2, "o", "n", "source:\"Meridian Wire\" (controls OR weights)", null, null, 0, DateTime.UtcNow));

        var found = monitor.Match(Articles[3], 10);

        Assert.Equal([1, 2], found.Select(w => w.Definition.Id).Order());
        Assert.Equal(0, monitor.Counters.QueriesRun);
    }

    [Fact]
    public void A_saved_search_does_not_match_events_from_before_it_was_created()
    {
        var monitor = new SavedSearchMonitor();
        monitor.Put(new WatchDefinition(1, "o", "n", "export", null, null, StartAfterEvent: 50, DateTime.UtcNow));

        Assert.Empty(monitor.Match(Articles[0], 50));
        Assert.Single(monitor.Match(Articles[0], 51));
    }

    [Fact]
    public void Removed_saved_searches_stop_matching()
    {
        var monitor = new SavedSearchMonitor();
        monitor.Put(new WatchDefinition(1, "o", "n", "export", null, null, 0, DateTime.UtcNow));
        monitor.Remove(1);

        Assert.Empty(monitor.Match(Articles[0], 1));
        Assert.Equal(0, monitor.Count);
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, true); } catch (IOException) { }
    }
}
