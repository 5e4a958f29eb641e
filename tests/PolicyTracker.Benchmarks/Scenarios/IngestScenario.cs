using System.Diagnostics;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Data.Sqlite;
using PolicyTracker.Benchmarks.Cli;
using PolicyTracker.Benchmarks.Generation;
using PolicyTracker.Benchmarks.Measurement;
using PolicyTracker.Benchmarks.Servers;
using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>
/// N generated Markdown articles through the whole pipeline (front matter, Markdig, sanitizing,
/// canonical text, duplicate check, article + revision + event in one transaction, then the
/// index follower) against the raw path on the same documents: a bare Lucene.Net IndexWriter
/// with one commit at the end plus bare SQLite inserts batched in transactions.
/// </summary>
public sealed class IngestScenario : IScenario
{
    public string Name => "ingest";

    public string Description => "N generated Markdown articles through the whole pipeline vs bare Lucene.Net + batched SQLite inserts (default --size 10k)";

    public IReadOnlyCollection<string> ExtraOptions => ["only"];

    public async Task<int> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var size = options.Size == BenchmarkOptions.DefaultSize ? 10_000 : options.Size;
        var generator = new ArticleGenerator(new ArticleGeneratorOptions(Seed: options.Seed));
        Console.Error.WriteLine($"Generating {size:N0} Markdown articles…");
        var documents = Enumerable.Range(0, size).AsParallel().AsOrdered().Select(i => ArticleWriter.ToMarkdown(generator.Generate(i))).ToArray();
        var megabytes = documents.Sum(d => (long)d.Length) / 1e6;

        var root = System.IO.Directory.CreateTempSubdirectory("policytracker-ingest-bench-").FullName;
        try
        {
            if (options.Extra.GetValueOrDefault("only") == "stories") return StoriesReport(documents, root, size);
            if (options.Extra.GetValueOrDefault("only") == "pipeline")
            {
                // The pipeline alone, no baseline: for profiling it (figures come from full runs).
                var (alone, _, _) = await PipelineAsync(documents, Path.Combine(root, "ours"), ct);
                Console.Error.WriteLine($"pipeline alone: {size / alone.TotalSeconds:N0} docs/s");
                return 0;
            }
            var raw = RawPath(documents, Path.Combine(root, "raw"));
            Console.Error.WriteLine($"raw path: {size / raw.TotalSeconds:N0} docs/s");
            var (cleaning, texts) = CleaningOnly(documents);
            Console.Error.WriteLine($"cleaning alone (front matter, Markdig, sanitizer, canonical text), one thread: {cleaning.TotalMilliseconds / size:N3} ms/doc");
            var lucene = RawLuceneOnly(documents, Path.Combine(root, "lucene"));
            var stories = StoriesOnly(texts);
            Console.Error.WriteLine($"story signature + LSH lookup alone, one thread: {stories.TotalMilliseconds / size:N4} ms/doc; raw Lucene alone: {lucene.TotalMilliseconds / size:N4} ms/doc");
            var (ours, created, duplicates) = await PipelineAsync(documents, Path.Combine(root, "ours"), ct);
            Console.Error.WriteLine($"pipeline: {size / ours.TotalSeconds:N0} docs/s ({created:N0} created, {duplicates:N0} duplicates)");

            var report = new Report(Name, $"size={size} one stream (batches of 100), {megabytes:N1} MB of Markdown");
            report.Add("throughput", "docs/s", size / ours.TotalSeconds, size / raw.TotalSeconds)
                .Add("per document", "ms", ours.TotalMilliseconds / size, raw.TotalMilliseconds / size)
                .Add("cleaning alone, one thread", "ms/doc", cleaning.TotalMilliseconds / size)
                .Add("story MinHash + LSH lookup vs raw Lucene, per document", "ms", stories.TotalMilliseconds / size, lucene.TotalMilliseconds / size)
                .Add("wall time", "s", ours.TotalSeconds, raw.TotalSeconds);
            report.Print();
            report.AppendToResultsFile();
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(root, true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// <c>--only stories</c>: story clustering's cost per document beside raw Lucene's, alternating
    /// three rounds of each on the same texts (the whole pipeline is skipped).
    /// </summary>
    static int StoriesReport(string[] documents, string root, int size)
    {
        var canonical = new CanonicalHtml();
        var texts = documents.AsParallel().AsOrdered().Select(d =>
        {
            var draft = MarkdownFile.Read(d);
            return canonical.Clean(ContentFormats.ToHtml(draft.Content, draft.ContentType)).Text;
        }).ToList();
        var (stories, lucene) = (new List<double>(), new List<double>());
        for (var round = 0; round < 3; round++)
        {
            lucene.Add(RawLuceneOnly(documents, Path.Combine(root, $"lucene{round}")).TotalMilliseconds / size);
            stories.Add(StoriesOnly(texts).TotalMilliseconds / size);
            Console.Error.WriteLine($"round {round + 1}: stories {stories[^1]:N4} ms/doc, raw Lucene {lucene[^1]:N4} ms/doc");
        }
        var report = new Report("ingest", $"--only stories, size={size}, median of 3 alternating rounds");
        report.Add("story MinHash + LSH lookup vs raw Lucene, per document", "ms", Median(stories), Median(lucene));
        report.Print();
        report.AppendToResultsFile();
        return 0;
    }

    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>The documents through the whole pipeline into <paramref name="dataPath"/>, until searchable.</summary>
    internal static async Task<(TimeSpan Elapsed, int Created, int Duplicates)> PipelineAsync(string[] documents, string dataPath, CancellationToken ct)
    {
        await using var host = await PipelineHost.StartAsync(dataPath);
        await host.StartIndexingAsync(ct);
        int created = 0, duplicates = 0;
        using var progress = new Progress("pipeline", documents.Length);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        // As the CLI and the first-run import do: drafts are read as the store asks for them, and stored as one stream.
        await host.WithStoreAsync(async store =>
        {
            await foreach (var outcome in store.AddAllAsync(documents.Select(d => MarkdownFile.Read(d)), ct))
            {
                if (outcome.Outcome?.Status == IngestStatus.Created) created++;
                else if (outcome.Outcome?.Status == IngestStatus.Duplicate) duplicates++;
                progress.Increment();
            }
        });
        var stored = clock.Elapsed;
        await host.WaitForIndexAsync(ct);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        // CPU time is steadier than wall time on a shared machine: it shows what the work costs, whatever the load.
        Console.Error.WriteLine($"stored in {stored.TotalSeconds:N1} s; searchable after {clock.Elapsed.TotalSeconds:N1} s; CPU {cpu.TotalSeconds:N1} s ({cpu.TotalMilliseconds / documents.Length:N2} ms/doc)");
        return (clock.Elapsed, created, duplicates);
    }

    /// <summary>The CPU part of the pipeline alone, to show where the time goes.</summary>
    static (TimeSpan Elapsed, List<string> Texts) CleaningOnly(string[] documents)
    {
        var canonical = new CanonicalHtml();
        var clock = Stopwatch.StartNew();
        var texts = new List<string>(documents.Length);
        foreach (var document in documents)
        {
            var draft = MarkdownFile.Read(document);
            texts.Add(canonical.Clean(ContentFormats.ToHtml(draft.Content, draft.ContentType)).Text);
        }
        var cleaning = clock.Elapsed;
        var rules = System.Text.Json.JsonSerializer.Deserialize<List<PolicyTracker.Web.Provenance.ProvenanceRule>>(
            File.ReadAllText(Path.Combine(BenchmarkPaths.RepositoryRoot, "content", "provenance-rules.json")), System.Text.Json.JsonSerializerOptions.Web)!;
        var engine = new PolicyTracker.Web.Provenance.ProvenanceEngine();
        clock.Restart();
        foreach (var text in texts) engine.Evaluate(new PolicyTracker.Web.Provenance.ArticleFacts(text, "a", DateTime.UtcNow, null, true), rules);
        Console.Error.WriteLine($"provenance rules alone, one thread: {clock.Elapsed.TotalMilliseconds / texts.Count:N3} ms/doc");
        var seeds = System.Text.Json.JsonSerializer.Deserialize<List<PolicyTracker.Web.Entities.EntitySeed>>(
            File.ReadAllText(Path.Combine(BenchmarkPaths.RepositoryRoot, "content", "entities.json")), System.Text.Json.JsonSerializerOptions.Web)!;
        var matcher = new PolicyTracker.Web.Entities.EntityMatcher(seeds.Select((e, i) => new PolicyTracker.Web.Entities.GazetteerEntry(i + 1, e.Name, e.Type, e.Aliases ?? [])));
        clock.Restart();
        var mentions = texts.Sum(t => matcher.Find(t).Count);
        Console.Error.WriteLine($"entities alone, one thread: {clock.Elapsed.TotalMilliseconds / texts.Count:N3} ms/doc ({mentions / (double)texts.Count:N1} mentions per article)");
        return (cleaning, texts);
    }

    /// <summary>
    /// What story clustering adds per article, on one thread: the MinHash signature (computed in the
    /// parallel prepare step) and the store-time lookup (LSH candidates, exact check of the close ones).
    /// </summary>
    static TimeSpan StoriesOnly(List<string> texts)
    {
        var index = new PolicyTracker.Web.Stories.StoryIndex();
        var clock = Stopwatch.StartNew();
        var joined = 0;
        long candidates = 0, close = 0;
        var (sigClock, lookupClock, confirmClock, addClock) = (new Stopwatch(), new Stopwatch(), new Stopwatch(), new Stopwatch());
        for (var i = 0; i < texts.Count; i++)
        {
            sigClock.Start();
            var signature = PolicyTracker.Web.Stories.StorySignature.Of(texts[i]);
            sigClock.Stop();
            lookupClock.Start();
            var found = index.Candidates(signature);
            lookupClock.Stop();
            candidates += found.Count;
            close += found.Count(f => f.Estimate >= PolicyTracker.Web.Stories.StoryMatch.MinEstimate);
            confirmClock.Start();
            // As ingestion decides (StoryMatch): close candidates, best estimate first; sure ones need no exact check.
            foreach (var (other, estimate) in found.Where(f => f.Estimate >= PolicyTracker.Web.Stories.StoryMatch.MinEstimate).OrderByDescending(f => f.Estimate))
            {
                if (PolicyTracker.Web.Stories.StoryMatch.Confirm(estimate, () => PolicyTracker.Web.Stories.StorySignature.Jaccard(texts[i], texts[other])))
                {
                    joined++;
                    break;
                }
            }
            confirmClock.Stop();
            addClock.Start();
            index.Add(i, signature);
            addClock.Stop();
        }
        var n = (double)texts.Count;
        Console.Error.WriteLine($"stories: {joined:N0} of {texts.Count:N0} articles joined an earlier one; {candidates / n:N1} candidates and {close / n:N2} close ones per lookup; " +
            $"ms/doc: signature {sigClock.Elapsed.TotalMilliseconds / n:N4}, lookup {lookupClock.Elapsed.TotalMilliseconds / n:N4}, confirm {confirmClock.Elapsed.TotalMilliseconds / n:N4}, add {addClock.Elapsed.TotalMilliseconds / n:N4}");
        return clock.Elapsed;
    }

    /// <summary>The raw Lucene.Net half of the baseline alone: a bare IndexWriter, one commit.</summary>
    static TimeSpan RawLuceneOnly(string[] documents, string folder)
    {
        var clock = Stopwatch.StartNew();
        using var directory = FSDirectory.Open(folder);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new EnglishAnalyzer(LuceneVersion.LUCENE_48)));
        for (var i = 0; i < documents.Length; i++)
        {
            writer.AddDocument(new Document
            {
                new StringField("id", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                new TextField("text", documents[i], Field.Store.NO),
            });
        }
        writer.Commit();
        return clock.Elapsed;
    }

    /// <summary>The plain, well-used path: bare inserts in batched transactions and a bare IndexWriter, one commit.</summary>
    static TimeSpan RawPath(string[] documents, string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        using var progress = new Progress("raw", documents.Length);
        var clock = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "raw.db")}");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }
        using var directory = FSDirectory.Open(Path.Combine(folder, "index"));
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new EnglishAnalyzer(LuceneVersion.LUCENE_48)));
        const int batch = 500;
        for (var start = 0; start < documents.Length; start += batch)
        {
            using var tx = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO docs (id, title, body) VALUES ($id, $title, $body)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var title = insert.Parameters.Add("$title", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            for (var i = start; i < Math.Min(start + batch, documents.Length); i++)
            {
                var text = documents[i];
                var firstLine = text.AsSpan(text.IndexOf("title:", StringComparison.Ordinal) + 6);
                var docTitle = firstLine[..firstLine.IndexOf('\n')].Trim().ToString();
                (id.Value, title.Value, body.Value) = (i + 1, docTitle, text);
                insert.ExecuteNonQuery();
                writer.AddDocument(new Document
                {
                    new StringField("id", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                    new TextField("title", docTitle, Field.Store.YES),
                    new TextField("text", text, Field.Store.NO),
                });
                progress.Increment();
            }
            tx.Commit();
        }
        writer.Commit();
        return clock.Elapsed;
    }
}
