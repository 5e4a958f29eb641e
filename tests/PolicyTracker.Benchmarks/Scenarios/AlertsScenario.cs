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
/// The same N generated articles ingested by two in-process pipelines (store, index, saved-search
/// matcher), one with no saved searches and one with 10,000 (--searches), alternating chunk by
/// chunk, each chunk of 100 waited for until it is searchable and matched. Reports per article, as
/// medians over chunks: the whole ingest on each side and their difference, and the matcher's own
/// work; and, on one thread, matching alone.
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
            await using var baseline = await Side.StartAsync(Path.Combine(root, "baseline"), ct);
            await using var ours = await Side.StartAsync(Path.Combine(root, "ours"), ct);
            // Warm both up; the saved searches arrive in a running deployment, whose index tells rare terms from common ones.
            await baseline.IngestAsync(warmUp, ct);
            await ours.IngestAsync(warmUp, ct);
            var loading = Stopwatch.StartNew();
            await SaveAsync(ours.Host.Services, queries, ct);
            while (ours.Follower.Watching < queries.Count) await Task.Delay(5, ct);
            Console.Error.WriteLine($"{searchCount:N0} saved searches loaded into the matcher in {loading.Elapsed.TotalSeconds:N1} s");
            // Then alternate chunk by chunk, so load from elsewhere on the machine falls on both alike.
            foreach (var list in new[] { baseline.PerArticle, ours.PerArticle, baseline.MatcherPerArticle, ours.MatcherPerArticle }) list.Clear();
            var before = (ours.Follower.Counters.Articles, ours.Follower.Counters.Candidates, ours.Follower.Counters.QueriesRun, ours.Follower.Counters.Matches);
            using (var progress = new Progress("alternating chunks", measured.Length))
            {
                foreach (var chunk in measured.Chunk(Chunk))
                {
                    await baseline.IngestAsync(chunk, ct);
                    await ours.IngestAsync(chunk, ct);
                    progress.Increment(chunk.Length);
                }
            }
            var added = Stats.FromMilliseconds(ours.PerArticle.Zip(baseline.PerArticle, (o, b) => o - b));
            var counters = ours.Follower.Counters;
            var n = (double)Math.Max(1, counters.Articles - before.Articles);
            var (candidates, queriesRun, matches) = ((counters.Candidates - before.Candidates) / n, (counters.QueriesRun - before.QueriesRun) / n, (counters.Matches - before.Matches) / n);
            Console.Error.WriteLine($"per article: {candidates:N1} candidate saved searches, {queriesRun:N1} queries run, {matches:N2} matches");
            var alone = await MatchAloneAsync(ours.Host.Services, ours.Index, ct);

            var report = new Report(Name, $"size={size} searches={searchCount} alternating chunks of {Chunk}");
            report.Add("ingest until searchable and matched, median per article", "ms", Stats.FromMilliseconds(ours.PerArticle).Median, Stats.FromMilliseconds(baseline.PerArticle).Median)
                .Add("added by matching, median over chunks per article", "ms", added.Median)
                .Add("matcher work (read, match, store), median per article", "ms", Stats.FromMilliseconds(ours.MatcherPerArticle).Median, Stats.FromMilliseconds(baseline.MatcherPerArticle).Median)
                .Add("matching alone, one thread, median per article", "ms", alone.Median)
                .Add("matching alone, one thread, p95 per article", "ms", alone.P95)
                .Add("matches per article", "", matches)
                .Add("queries run per article", "", queriesRun);
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

    /// <summary>One pipeline (store, index follower, matcher) over its own data folder, ingesting chunk by chunk.</summary>
    sealed class Side : IAsyncDisposable
    {
        public required PipelineHost Host { get; init; }
        public required SavedSearchFollower Follower { get; init; }
        public required SearchIndex Index { get; init; }
        public required AsyncServiceScope Scope { get; init; }
        public List<double> PerArticle { get; } = [];
        public List<double> MatcherPerArticle { get; } = [];

        public static async Task<Side> StartAsync(string dataPath, CancellationToken ct)
        {
            var host = await PipelineHost.StartAsync(dataPath);
            var follower = host.Services.GetRequiredService<SavedSearchFollower>();
            await host.StartIndexingAsync(ct);
            await follower.StartAsync(ct);
            while (follower.Cursor < 0) await Task.Delay(5, ct);
            return new Side { Host = host, Follower = follower, Index = host.Services.GetRequiredService<SearchIndex>(), Scope = host.Services.CreateAsyncScope() };
        }

        /// <summary>Stores the documents as one batch and waits until they are searchable and matched.</summary>
        public async Task IngestAsync(string[] documents, CancellationToken ct)
        {
            var busy = Follower.Busy;
            var clock = Stopwatch.StartNew();
            await Scope.ServiceProvider.GetRequiredService<ArticleStore>().AddManyAsync([.. documents.Select(d => MarkdownFile.Read(d))], ct);
            await CaughtUpAsync(Host.Services, Index, Follower, ct);
            PerArticle.Add(clock.Elapsed.TotalMilliseconds / documents.Length);
            MatcherPerArticle.Add((Follower.Busy - busy).TotalMilliseconds / documents.Length);
        }

        public async ValueTask DisposeAsync()
        {
            await Follower.StopAsync(CancellationToken.None);
            await Scope.DisposeAsync();
            await Host.DisposeAsync();
        }
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
