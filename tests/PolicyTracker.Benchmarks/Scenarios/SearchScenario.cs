using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lucene.Net.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Benchmarks.Cli;
using PolicyTracker.Benchmarks.Generation;
using PolicyTracker.Benchmarks.Measurement;
using PolicyTracker.Benchmarks.Servers;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>
/// Search over N generated articles (default 100k) that went through the whole pipeline: our
/// in-process queries against a bare IndexSearcher on the same index; /api/search over HTTP with
/// facets and snippets at 16 clients; SQLite FTS5 on the same documents; the delay from ingest to
/// searchable at 50 articles/s; start-up time and memory of the app holding that index.
/// </summary>
public sealed class SearchScenario : IScenario
{
    public string Name => "search";

    public string Description => "Queries on N articles (default 100k): ours vs bare IndexSearcher and FTS5, /api/search p95 at 16 clients, ingest-to-searchable delay, start-up, memory";

    public IReadOnlyCollection<string> ExtraOptions => ["seconds", "clients", "data", "only"];

    public async Task<int> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var size = options.Size == BenchmarkOptions.DefaultSize ? 100_000 : options.Size;
        var seconds = int.Parse(options.Extra.GetValueOrDefault("seconds", "10"), System.Globalization.CultureInfo.InvariantCulture);
        var clients = int.Parse(options.Extra.GetValueOrDefault("clients", "16"), System.Globalization.CultureInfo.InvariantCulture);
        var generator = new ArticleGenerator(new ArticleGeneratorOptions(Seed: options.Seed));
        Console.Error.WriteLine($"Generating {size:N0} Markdown articles…");
        var markdown = Enumerable.Range(0, size).AsParallel().AsOrdered().Select(i => ArticleWriter.ToMarkdown(generator.Generate(i))).ToArray();
        var documents = markdown.Select(d => MarkdownFile.Read(d)).Select(d => (d.Title ?? "", d.Content ?? "")).ToArray();
        var queries = SearchBaselines.QueriesFrom(documents);
        // --data DIR keeps the ingested app data there and reuses it on the next run (for profiling one part).
        var kept = options.Extra.GetValueOrDefault("data");
        var root = kept is null ? System.IO.Directory.CreateTempSubdirectory("policytracker-search-bench-").FullName : Path.GetFullPath(kept);
        var data = Path.Combine(root, "app");
        var reuse = kept is not null && System.IO.Directory.Exists(data);
        var report = new Report(Name, $"size={size} clients={clients} seconds={seconds} queries={queries.Count}{(reuse ? " (reused data)" : "")}");
        try
        {
            if (!reuse)
            {
                var (pipeline, _, _) = await IngestScenario.PipelineAsync(markdown, data, ct);
                Console.Error.WriteLine($"{size:N0} articles stored and searchable in {pipeline.TotalSeconds:N0} s");
            }
            markdown = [];
            if (options.Extra.GetValueOrDefault("only") == "cold")
            {
                await ColdInProcessAsync(data, queries, report, ct);
                report.Print();
                return 0;
            }
            if (options.Extra.GetValueOrDefault("only") == "http")
            {
                await OverHttpAsync(data, queries, clients, seconds, null, report, ct);
                report.Print();
                return 0;
            }

            var (ours, bare) = await InProcessAsync(data, queries, ct);
            report.Add("term/AND/phrase query median, in process", "ms", ours.Median, bare.Median)
                .Add("term/AND/phrase query p95, in process", "ms", ours.P95, bare.P95);

            Console.Error.WriteLine("Indexing the same documents with a bare IndexWriter and with SQLite FTS5…");
            var lucene = SearchBaselines.IndexWithLucene(documents, Path.Combine(root, "bare-index"));
            var (ftsIndexing, fts) = SearchBaselines.Fts5(documents, Path.Combine(root, "fts.db"), queries, rounds: 3);
            report.Add("FTS5 indexing vs bare Lucene.Net", "docs/s", size / ftsIndexing.TotalSeconds, size / lucene.TotalSeconds)
                .Add("query p95: ours in process vs FTS5", "ms", ours.P95, fts.P95)
                .Add("query median: ours in process vs FTS5", "ms", ours.Median, fts.Median);

            await OverHttpAsync(data, queries, clients, seconds, fts, report, ct);
            report.Print();
            report.AppendToResultsFile();
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (kept is null)
            {
                try { System.IO.Directory.Delete(root, true); } catch (IOException) { }
            }
        }
    }

    /// <summary>Our query path (our parser, the shared searcher) against the classic parser and a bare IndexSearcher.</summary>
    static async Task<(Stats Ours, Stats Bare)> InProcessAsync(string data, IReadOnlyList<BenchmarkQuery> queries, CancellationToken ct)
    {
        const int rounds = 5;
        await using var host = await PipelineHost.StartAsync(data);
        var index = host.Services.GetRequiredService<SearchIndex>();
        index.Commit(force: true);
        Console.Error.WriteLine($"In-process queries ({queries.Count} × {rounds}) on {index.Count:N0} documents…");
        var ours = Measure.Repeat(queries.Count * rounds, i =>
        {
            var (query, _) = SearchService.Build(new SearchRequest(queries[i % queries.Count].Text));
            index.Search(s => s.Search(query, 20));
        }, warmup: queries.Count);
        var bare = SearchBaselines.BareLucene(index.Folder, queries, rounds);
        ct.ThrowIfCancellationRequested();
        return (ours, bare);
    }

    /// <summary>
    /// <c>--only cold</c>: where a search computed afresh spends its time, one query at a time in
    /// this process: our whole search (facets, collapsing, hits with snippets) and the bare
    /// IndexSearcher's top 20 for the same Lucene query.
    /// </summary>
    static async Task ColdInProcessAsync(string data, IReadOnlyList<BenchmarkQuery> queries, Report report, CancellationToken ct)
    {
        const int rounds = 3;
        await using var host = await PipelineHost.StartAsync(data, new Dictionary<string, string?> { ["Search:KeepResults"] = "false" });
        var index = host.Services.GetRequiredService<SearchIndex>();
        await using var scope = host.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<SearchService>();
        Console.Error.WriteLine($"Cold searches in process ({queries.Count} × {rounds}) on {index.Count:N0} documents…");
        var ours = await Measure.RepeatAsync(queries.Count * rounds, i => search.SearchAsync(new SearchRequest(queries[i % queries.Count].Text), ct), warmup: queries.Count);
        var bare = Measure.Repeat(queries.Count * rounds, i =>
        {
            var (query, _) = SearchService.Build(new SearchRequest(queries[i % queries.Count].Text));
            index.Search(s => s.Search(query, 20));
        }, warmup: queries.Count);
        foreach (var kind in queries.Select(q => q.Kind).Distinct())
        {
            var picked = queries.Where(q => q.Kind == kind).ToList();
            var (oursKind, oursCpu) = await TimedAsync(picked.Count * rounds, i => search.SearchAsync(new SearchRequest(picked[i % picked.Count].Text), ct));
            var (bareKind, bareCpu) = await TimedAsync(picked.Count * rounds, i =>
            {
                index.Search(s => s.Search(SearchService.Build(new SearchRequest(picked[i % picked.Count].Text)).Query, 20));
                return Task.CompletedTask;
            });
            var (facetsKind, facetsCpu) = await TimedAsync(picked.Count * rounds, i =>
            {
                index.Search(s =>
                {
                    using var counter = new FacetCollector(SearchService.FacetFields, withTimes: false, groupByStory: true);
                    s.Search(SearchService.Build(new SearchRequest(picked[i % picked.Count].Text)).Query, MultiCollector.Wrap(TopScoreDocCollector.Create(80, false), counter));
                    return counter.Top(Fields.EntityFacet, 20);
                });
                return Task.CompletedTask;
            });
            Console.Error.WriteLine($"{kind}: top 80 with facets median {facetsKind.Median:N2} p95 {facetsKind.P95:N2} ms, CPU {facetsCpu:N2} ms/query");
            Console.Error.WriteLine($"{kind}: ours median {oursKind.Median:N2} p95 {oursKind.P95:N2} ms, CPU {oursCpu:N2} ms/query; bare median {bareKind.Median:N2} p95 {bareKind.P95:N2} ms, CPU {bareCpu:N2} ms/query");
        }
        var matches = queries.Select(q => index.Search(s => s.Search(SearchService.Build(new SearchRequest(q.Text)).Query, 1).TotalHits)).Order().ToList();
        Console.Error.WriteLine($"matches per query: median {matches[matches.Count / 2]:N0}, p95 {matches[matches.Count * 95 / 100]:N0}, max {matches[^1]:N0}");
        report.Add("cold search in process vs bare top 20, median", "ms", ours.Median, bare.Median)
            .Add("cold search in process vs bare top 20, p95", "ms", ours.P95, bare.P95)
            .Add("cold search in process vs bare top 20, mean", "ms", ours.Mean, bare.Mean);
    }

    /// <summary>
    /// Wall time of each of <paramref name="iterations"/> runs and the process's processor time per
    /// run, which holds when other work shares the machine (wall time does not).
    /// </summary>
    static async Task<(Stats Wall, double CpuMilliseconds)> TimedAsync(int iterations, Func<int, Task> run)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = await Measure.RepeatAsync(iterations, run);
        return (wall, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / iterations);
    }

    /// <summary>Start-up with the index, /api/search under load, memory, and the ingest-to-searchable delay.</summary>
    static async Task OverHttpAsync(string data, IReadOnlyList<BenchmarkQuery> queries, int clients, int seconds, Stats? fts, Report report, CancellationToken ct)
    {
        // A member of its own each run, so a kept data folder can be measured again.
        var email = $"bench-{Guid.NewGuid():N}@example.test";
        await AppServer.RunVerbAsync(data, "bench password 42", "users", "add", "--email", email, "--role", "Editor");
        var token = (await AppServer.RunVerbAsync(data, "", "tokens", "create", "--email", email)).TrimEnd().Split('\n')[^1];

        var clock = Stopwatch.StartNew();
        var app = await AppServer.StartAsync(data);
        try
        {
            var startup = clock.Elapsed;
            report.Add("start-up with the index, until healthy", "s", startup.TotalSeconds);

            var urls = queries.Select(q => new Uri(app.Address, $"/api/search?q={Uri.EscapeDataString(q.Text)}")).ToList();
            Console.Error.WriteLine($"/api/search at {clients} clients for {seconds} s…");
            // Each query once first: this figure is searches repeated while the index stands still (the cold one follows).
            await WarmAsync(urls, token, ct);
            var (rps, latency, errors) = await LoadGenerator.RunAsync(urls, clients, TimeSpan.FromSeconds(seconds), token, ct);
            report.Add("/api/search p95, repeated searches (answers kept; vs FTS5 p95 without facets)", "ms", latency.P95, fts?.P95)
                .Add("/api/search median", "ms", latency.Median)
                .Add("/api/search throughput", "req/s", rps)
                .Add("app memory after the load", "MB", app.WorkingSetBytes / 1e6);
            if (errors > 0) Console.Error.WriteLine($"{errors} searches failed.");

            var delays = await IngestToSearchableAsync(app.Address, token, perSecond: 50, TimeSpan.FromSeconds(seconds), ct);
            report.Add("ingest to searchable at 50 articles/s, median", "ms", delays.Median)
                .Add("ingest to searchable at 50 articles/s, p95", "ms", delays.P95);
        }
        finally
        {
            await app.DisposeAsync();
        }

        // The same load with nothing kept between searches: every request counts its facets afresh.
        double coldRps;
        Stats coldLatency;
        await using (var cold = await AppServer.StartAsync(data, new Dictionary<string, string> { ["Search__KeepResults"] = "false" }))
        {
            var coldUrls = queries.Select(q => new Uri(cold.Address, $"/api/search?q={Uri.EscapeDataString(q.Text)}")).ToList();
            Console.Error.WriteLine($"/api/search cold (answers not kept) at {clients} clients for {seconds} s…");
            await WarmAsync(coldUrls, token, ct);
            (coldRps, coldLatency, _) = await LoadGenerator.RunAsync(coldUrls, clients, TimeSpan.FromSeconds(seconds), token, ct);
        }

        // The same load on bare Lucene.Net behind Kestrel over the same index: top 20 ids, nothing else.
        var (bare, bareAddress) = await BareSearchServer.StartAsync(Path.Combine(data, "index"));
        try
        {
            var bareUrls = queries.Select(q => new Uri(bareAddress, $"/search?q={Uri.EscapeDataString(q.Text)}")).ToList();
            Console.Error.WriteLine($"bare Lucene.Net over HTTP at {clients} clients for {seconds} s…");
            await WarmAsync(bareUrls, null, ct);
            var (bareRps, bareLatency, _) = await LoadGenerator.RunAsync(bareUrls, clients, TimeSpan.FromSeconds(seconds), null, ct);
            report.Add("/api/search cold p95 (no answers kept) vs bare Lucene top 20 over HTTP", "ms", coldLatency.P95, bareLatency.P95)
                .Add("/api/search cold median vs bare", "ms", coldLatency.Median, bareLatency.Median)
                .Add("/api/search cold throughput vs bare", "req/s", coldRps, bareRps);
        }
        finally
        {
            bare.Kill();
            await bare.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Each query once, then 5 s of load, before a server is measured: every server starts fresh,
    /// and its code should be compiled and warm (tiered JIT) before it is timed.
    /// </summary>
    static async Task WarmAsync(IReadOnlyList<Uri> urls, string? token, CancellationToken ct)
    {
        using (var once = new HttpClient())
        {
            if (token is not null) once.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            foreach (var url in urls) (await once.GetAsync(url, ct)).EnsureSuccessStatusCode();
        }
        await LoadGenerator.RunAsync(urls, 16, TimeSpan.FromSeconds(5), token, ct);
    }

    /// <summary>Posts articles at a steady rate, each with a word of its own, and times until a search finds each.</summary>
    static async Task<Stats> IngestToSearchableAsync(Uri app, string token, int perSecond, TimeSpan duration, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = app };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var count = (int)(perSecond * duration.TotalSeconds);
        Console.Error.WriteLine($"Ingesting {count} articles at {perSecond}/s and waiting for each to be found…");
        var delays = new double[count];
        var pending = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / (double)perSecond);
            while (Stopwatch.GetTimestamp() < due) await Task.Delay(1, ct);
            var n = i;
            pending.Add(Task.Run(async () =>
            {
                var word = $"zqx{n:D5}marker";
                using var response = await http.PostAsJsonAsync("/api/articles", new
                {
                    title = $"Delay probe {n}",
                    content = $"A probe article for the search delay benchmark carrying the word {word} once.",
                    contentType = "text",
                    source = "Benchmark Wire",
                }, ct);
                response.EnsureSuccessStatusCode();
                var stored = Stopwatch.GetTimestamp();
                while (true)
                {
                    var found = await http.GetStringAsync($"/api/search?q={word}&pageSize=1", ct);
                    if (found.Contains("\"total\":1", StringComparison.Ordinal)) break;
                    await Task.Delay(10, ct);
                }
                delays[n] = Stopwatch.GetElapsedTime(stored).TotalMilliseconds;
            }, ct));
        }
        await Task.WhenAll(pending);
        return Stats.FromMilliseconds(delays);
    }
}
