using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using PolicyTracker.Benchmarks.Cli;
using PolicyTracker.Benchmarks.Generation;
using PolicyTracker.Benchmarks.Measurement;

namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>
/// Generates N articles in parallel and writes them as files, timed against a baseline that writes
/// the same number of files of pre-made text the plain way: the ratio is the generator's overhead.
/// </summary>
public sealed class GenerateScenario : IScenario
{
    private const int WarmupArticles = 256;
    private const int MaxArticlesPerRound = 10_000;
    private const string BaselinePrefix = "baseline-";

    /// <inheritdoc />
    public string Name => "generate";

    /// <inheritdoc />
    public string Description =>
        "write N synthetic AI-policy articles as {index:D6}.md|html|txt under --out (default BenchmarkResults/generated/<format>); --baseline off skips the baseline";

    /// <inheritdoc />
    public IReadOnlyCollection<string> ExtraOptions => ["baseline"];

    /// <inheritdoc />
    public Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var format = options.Format;
        var size = options.Size;
        // "--baseline off" just builds a corpus, e.g. as input for other scenarios, at half the I/O.
        var withBaseline = !options.Extra.TryGetValue("baseline", out var baselineSwitch) ||
            !string.Equals(baselineSwitch, "off", StringComparison.OrdinalIgnoreCase);
        var directory = Path.GetFullPath(options.OutputDirectory ?? BenchmarkPaths.GeneratedArticles(format.Extension()));
        var generator = new ArticleGenerator(new ArticleGeneratorOptions(Seed: options.Seed));
        Console.Error.WriteLine($"Generating {size:N0} {format} articles into {directory}");

        // Warm-up JITs the generator and yields the typical article size the baseline must match.
        var sample = Enumerable.Range(0, Math.Min(WarmupArticles, size))
            .Select(i => Encoding.UTF8.GetByteCount(ArticleWriter.Render(generator.Generate(i), format)))
            .ToArray();
        var premadeText = PremadeText((int)sample.Average());
        var removed = OutputFiles.RemoveNumbered(directory, format.Extension()) +
            OutputFiles.RemoveNumbered(directory, format.Extension(), BaselinePrefix);
        if (removed > 0)
        {
            Console.Error.WriteLine($"Removed {removed:N0} files of an earlier run.");
        }

        var corpus = new CorpusTally(size);
        var renderMs = new double[size];
        string Ours(int index)
        {
            var start = Stopwatch.GetTimestamp();
            var article = generator.Generate(index);
            var text = ArticleWriter.Render(article, format);
            renderMs[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            corpus.Record(article);
            return text;
        }

        // File-creation speed drifts a lot as a run goes on (writeback, journal, directory growth), so
        // ours and the baseline share one folder, alternate in rounds (ABBA), and each side sums its
        // own rounds' times.
        var (ourElapsed, ourBytes, baselineElapsed, baselineBytes) = (TimeSpan.Zero, 0L, TimeSpan.Zero, 0L);
        try
        {
            OutputFiles.FlushFileSystem();
            using var progress = new Progress(withBaseline ? "ours+baseline" : "generate", withBaseline ? 2L * size : size);
            // At least one full ABBA cycle, so even small runs cancel the order effect.
            var rounds = Math.Min(size, Math.Max(4, (size + MaxArticlesPerRound - 1) / MaxArticlesPerRound));
            for (var round = 0; round < rounds; round++)
            {
                var from = (int)((long)size * round / rounds);
                var to = (int)((long)size * (round + 1) / rounds);
                var oursFirst = round % 4 is 0 or 3;
                for (var turn = 0; turn < 2; turn++)
                {
                    if ((turn == 0) == oursFirst)
                    {
                        var (elapsed, bytes) = WriteInParallel(from, to, directory, string.Empty, format, Ours, progress, cancellationToken);
                        (ourElapsed, ourBytes) = (ourElapsed + elapsed, ourBytes + bytes);
                    }
                    else if (withBaseline)
                    {
                        var (elapsed, bytes) = WriteInParallel(from, to, directory, BaselinePrefix, format, _ => premadeText, progress, cancellationToken);
                        (baselineElapsed, baselineBytes) = (baselineElapsed + elapsed, baselineBytes + bytes);
                    }
                }
            }
        }
        finally
        {
            if (withBaseline)
            {
                Console.Error.WriteLine("Deleting the baseline's files.");
                OutputFiles.RemoveNumbered(directory, format.Extension(), BaselinePrefix);
            }
        }

        var renderStats = Stats.FromMilliseconds(renderMs);
        double? Baseline(double value) => withBaseline ? value : null;
        var report = new Report(Name, $"size={size} format={format.Extension()} seed={options.Seed}{(withBaseline ? string.Empty : " baseline=off")}")
            .Add("throughput", "articles/s", Throughput.PerSecond(size, ourElapsed), Baseline(Throughput.PerSecond(size, baselineElapsed)))
            .Add("write rate", "MB/s", Throughput.MegabytesPerSecond(ourBytes, ourElapsed), Baseline(Throughput.MegabytesPerSecond(baselineBytes, baselineElapsed)))
            .Add("time writing", "s", ourElapsed.TotalSeconds, Baseline(baselineElapsed.TotalSeconds))
            .Add("bytes written", "MB", ourBytes / Throughput.BytesPerMegabyte, Baseline(baselineBytes / Throughput.BytesPerMegabyte))
            // Generation alone, as a single thread would run it: the CPU the generator costs, without I/O.
            .Add("generate+render, one thread", "articles/s", size / (renderMs.Sum() / 1000))
            .Add("generate+render median", "ms/article", renderStats.Median)
            .Add("generate+render p95", "ms/article", renderStats.P95)
            .Add("generate+render p99", "ms/article", renderStats.P99);
        report.Print();
        Console.WriteLine(corpus.Describe());
        Console.WriteLine($"Results appended to {report.AppendToResultsFile()}");
        return Task.FromResult(0);
    }

    private static (TimeSpan Elapsed, long Bytes) WriteInParallel(
        int from, int to, string directory, string filePrefix, ArticleFormat format, Func<int, string> content, Progress progress,
        CancellationToken cancellationToken)
    {
        long bytes = 0;
        var parallelism = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = Environment.ProcessorCount,
        };

        // Ranges rather than single indices: one delegate call per chunk, and each thread writes nearby files.
        var chunk = Math.Clamp((to - from) / (Environment.ProcessorCount * 16), 16, 1024);
        var elapsed = Measure.Time(() => Parallel.ForEach(Partitioner.Create(from, to, chunk), parallelism, range =>
        {
            long chunkBytes = 0;
            for (var index = range.Item1; index < range.Item2; index++)
            {
                var text = content(index);
                File.WriteAllText(Path.Combine(directory, filePrefix + ArticleWriter.FileName(index, format)), text);
                chunkBytes += Encoding.UTF8.GetByteCount(text);
                progress.Increment();
            }

            Interlocked.Add(ref bytes, chunkBytes);
        })).Elapsed;
        return (elapsed, bytes);
    }

    // ASCII prose of exactly the requested length, so byte count equals character count.
    private static string PremadeText(int length)
    {
        const string paragraph = "Regulators published draft guidance on general-purpose models on Tuesday, " +
            "setting out how developers should report serious incidents and share evaluation results.\n\n";
        var text = new StringBuilder(length + paragraph.Length);
        while (text.Length < length)
        {
            text.Append(paragraph);
        }

        return text.ToString(0, length);
    }
}
