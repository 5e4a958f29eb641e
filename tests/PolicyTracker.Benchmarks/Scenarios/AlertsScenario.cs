using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Benchmarks.Cli;
using PolicyTracker.Benchmarks.Generation;
using PolicyTracker.Benchmarks.Measurement;
using PolicyTracker.Benchmarks.Servers;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.SavedSearches;
using PolicyTracker.Web.SavedSearches.Matching;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>
/// The same N generated articles ingested twice through the in-process pipeline (store, index,
/// saved-search matcher), once with no saved searches and once with 10,000 (--searches), each
/// chunk of 100 waited for until it is searchable and matched. Reports per article, as medians
/// over chunks: the whole ingest, and the matcher's own work; and, on one thread, matching alone.
/// </summary>
public sealed class AlertsScenario : IScenario
{
    const int Chunk = 100;

    public string Name => "alerts";

    public string Description => "ingest with 10k saved searches matched in memory vs the same ingest without saved searches (default --size 2k, --searches 10k)";

    public IReadOnlyCollection<string> ExtraOptions => ["searches"];

    public async Task<int> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var size = options.Size == BenchmarkOptions.DefaultSize ? 2_000 : options.Size;
        var searchCount = options.Extra.TryGetValue("searches", out var s) ? int.Parse(s.Replace("k", "000", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var generator = new ArticleGenerator(new ArticleGeneratorOptions(Seed: options.Seed));
        Console.Error.WriteLine($"Generating {size:N0} articles and {searchCount:N0} saved searches…");
        var documents = Enumerable.Range(0, size + 300).AsParallel().AsOrdered().Select(i => ArticleWriter.ToMarkdown(generator.Generate(i))).ToArray();
        var (warmUp, measured) = (documents[size..], documents[..size]);
        var sample = measured.Take(1000).Select(d => MarkdownFile.Read(d)).Select(d => (d.Title, d.Content)).ToList();
        var queries = SavedQueryGenerator.Generate(sample, [.. Generation.Lexicon.Outlets.All.Select(o => o.Name)], searchCount, options.Seed);

        var root = System.IO.Directory.CreateTempSubdirectory("policytracker-alerts-bench-").FullName;
        try
        {
            await RunAsync(warmUp, [], Path.Combine(root, "warm"), ct);
            var baseline = await RunAsync(measured, [], Path.Combine(root, "baseline"), ct);
            var ours = await RunAsync(measured, queries, Path.Combine(root, "ours"), ct);
            var alone = ours.MatchingAlone!;
            Console.Error.WriteLine($"{searchCount:N0} saved searches loaded into the matcher in {ours.LoadSeconds:N1} s");
            Console.Error.WriteLine($"per article: {ours.Candidates:N1} candidate saved searches, {ours.QueriesRun:N1} queries run, {ours.Matches:N2} matches");

            var report = new Report(Name, $"size={size} searches={searchCount} chunks of {Chunk}");
            report.Add("ingest until searchable and matched, median per article", "ms", ours.PerArticle.Median, baseline.PerArticle.Median)
                .Add("added by matching, median per article", "ms", ours.PerArticle.Median - baseline.PerArticle.Median)
                .Add("matcher work (read, match, store), median per article", "ms", ours.MatcherPerArticle.Median, baseline.MatcherPerArticle.Median)
                .Add("matching alone, one thread, median per article", "ms", alone.Median)
                .Add("matching alone, one thread, p95 per article", "ms", alone.P95)
                .Add("matches per article", "", ours.Matches)
                .Add("queries run per article", "", ours.QueriesRun);
            report.Print();
            report.AppendToResultsFile();
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(root, true); } catch (IOException) { }
        }
    }

    sealed record Run(Stats PerArticle, Stats MatcherPerArticle, double LoadSeconds, double Candidates, double QueriesRun, double Matches, Stats? MatchingAlone);

    static async Task<Run> RunAsync(string[] documents, List<string> queries, string dataPath, CancellationToken ct)
    {
        await using var host = await PipelineHost.StartAsync(dataPath);
        if (queries.Count > 0) await SaveAsync(host.Services, queries, ct);
        var follower = host.Services.GetRequiredService<SavedSearchFollower>();
        var index = host.Services.GetRequiredService<SearchIndex>();
        await host.StartIndexingAsync(ct);
        var loading = Stopwatch.StartNew();
        await follower.StartAsync(ct);
        while (follower.Watching < queries.Count || follower.Cursor < 0) await Task.Delay(5, ct);
        var loadSeconds = loading.Elapsed.TotalSeconds;

        var perArticle = new List<double>();
        var matcherPerArticle = new List<double>();
        using var progress = new Progress(queries.Count > 0 ? "with saved searches" : "without", documents.Length);
        await host.WithStoreAsync(async store =>
        {
            foreach (var chunk in documents.Chunk(Chunk))
            {
                var busy = follower.Busy;
                var clock = Stopwatch.StartNew();
                await store.AddManyAsync([.. chunk.Select(d => MarkdownFile.Read(d))], ct);
                await CaughtUpAsync(host.Services, index, follower, ct);
                perArticle.Add(clock.Elapsed.TotalMilliseconds / chunk.Length);
                matcherPerArticle.Add((follower.Busy - busy).TotalMilliseconds / chunk.Length);
                progress.Increment(chunk.Length);
            }
        });
        var counters = follower.Counters;
        var n = Math.Max(1, counters.Articles);
        var alone = queries.Count > 0 ? await MatchAloneAsync(host.Services, index, ct) : null;
        await follower.StopAsync(CancellationToken.None);
        return new Run(Stats.FromMilliseconds(perArticle), Stats.FromMilliseconds(matcherPerArticle), loadSeconds,
            (double)counters.Candidates / n, (double)counters.QueriesRun / n, (double)counters.Matches / n, alone);
    }

    /// <summary>Owners and saved searches written straight to the database, as the API would leave them.</summary>
    static async Task SaveAsync(IServiceProvider services, List<string> queries, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var owners = Enumerable.Range(0, 100).Select(i => new TrackerUser { UserName = $"analyst{i}@bench.example", Email = $"analyst{i}@bench.example" }).ToList();
        db.Users.AddRange(owners);
        db.SavedSearches.AddRange(queries.Select((q, i) => new SavedSearch { OwnerId = owners[i % owners.Count].Id, Name = $"Alert {i}", Query = q }));
        await SavedSearchFollower.SetStateAsync(db, SavedSearchFollower.VersionKey, "bench", ct);
        await db.SaveChangesAsync(ct);
    }

    static async Task CaughtUpAsync(IServiceProvider services, SearchIndex index, SavedSearchFollower follower, CancellationToken ct)
    {
        long last;
        await using (var scope = services.CreateAsyncScope())
            last = await scope.ServiceProvider.GetRequiredService<TrackerDb>().Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        while (index.LastEvent < last || follower.Cursor < last) await Task.Delay(1, ct);
    }

    /// <summary>Each stored article matched against every saved search on this thread, timed one by one.</summary>
    static async Task<Stats> MatchAloneAsync(IServiceProvider services, SearchIndex index, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var monitor = new SavedSearchMonitor(key =>
        {
            var at = key.IndexOf('\u001f', StringComparison.Ordinal);
            return index.Search(s => s.IndexReader.DocFreq(new Lucene.Net.Index.Term(key[..at], key[(at + 1)..])));
        });
        foreach (var definition in await db.SavedSearches.AsNoTracking()
            .Select(s => new WatchDefinition(s.Id, s.OwnerId, s.Name, s.Query, s.Source, s.Flag, s.StartAfterEvent, s.UpdatedAt)).ToListAsync(ct))
            monitor.Put(definition);
        var ids = await db.Articles.Select(a => a.Id).ToListAsync(ct);
        var articles = await IndexFollower.LoadAsync(db, ids, ct);
        var times = new List<double>(articles.Count);
        foreach (var article in articles)
        {
            var start = Stopwatch.GetTimestamp();
            monitor.Match(article, long.MaxValue);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        Console.Error.WriteLine($"matching alone: loading {monitor.Counters.LoadTicks * 1000.0 / Stopwatch.Frequency / articles.Count:N3} ms/article, candidates and queries {monitor.Counters.QueryTicks * 1000.0 / Stopwatch.Frequency / articles.Count:N3} ms/article");
        return Stats.FromMilliseconds(times);
    }
}
