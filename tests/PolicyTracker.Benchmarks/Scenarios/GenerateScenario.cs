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
    private const int ArticlesPerRound = 10_000;

    /// <inheritdoc />
    public string Name => "generate";

    /// <inheritdoc />
    public string Description =>
        "write N synthetic AI-policy articles as {index:D6}.md|html|txt (--out, default BenchmarkResults/generated/<format>)";

    /// <inheritdoc />
    public Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var format = options.Format;
        var size = options.Size;
        var directory = Path.GetFullPath(options.OutputDirectory ?? BenchmarkPaths.GeneratedArticles(format.Extension()));
        var baselineDirectory = directory.TrimEnd(Path.DirectorySeparatorChar) + ".baseline";
        var generator = new ArticleGenerator(new ArticleGeneratorOptions(Seed: options.Seed));
        Console.Error.WriteLine($"Generating {size:N0} {format} articles into {directory}");

        // Warm-up JITs the generator and yields the typical article size the baseline must match.
        var sample = Enumerable.Range(0, Math.Min(WarmupArticles, size))
            .Select(i => Encoding.UTF8.GetByteCount(ArticleWriter.Render(generator.Generate(i), format)))
            .ToArray();
        var premadeText = PremadeText((int)sample.Average());
        var removed = OutputFiles.RemoveNumbered(directory, format.Extension()) + OutputFiles.RemoveNumbered(baselineDirectory, format.Extension());
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
        // ours and the baseline alternate in rounds, ABBA, and each side sums its own rounds' times.
        var (ourElapsed, ourBytes, baselineElapsed, baselineBytes) = (TimeSpan.Zero, 0L, TimeSpan.Zero, 0L);
        try
        {
            OutputFiles.FlushFileSystem();
            using var progress = new Progress("ours+baseline", 2L * size);
            var rounds = (size + ArticlesPerRound - 1) / ArticlesPerRound;
            for (var round = 0; round < rounds; round++)
            {
                var from = round * ArticlesPerRound;
                var to = Math.Min(size, from + ArticlesPerRound);
                var oursFirst = round % 4 is 0 or 3;
                for (var turn = 0; turn < 2; turn++)
                {
                    if ((turn == 0) == oursFirst)
                    {
                        var (elapsed, bytes) = WriteInParallel(from, to, directory, format, Ours, progress, cancellationToken);
                        (ourElapsed, ourBytes) = (ourElapsed + elapsed, ourBytes + bytes);
                    }
                    else
                    {
                        var (elapsed, bytes) = WriteInParallel(from, to, baselineDirectory, format, _ => premadeText, progress, cancellationToken);
                        (baselineElapsed, baselineBytes) = (baselineElapsed + elapsed, baselineBytes + bytes);
                    }
                }
            }
        }
        finally
        {
            Console.Error.WriteLine($"Deleting the baseline's scratch files in {baselineDirectory}");
            OutputFiles.DeleteDirectory(baselineDirectory);
        }

        var renderStats = Stats.FromMilliseconds(renderMs);
        var report = new Report(Name, $"size={size} format={format.Extension()} seed={options.Seed}")
            .Add("throughput", "articles/s", Throughput.PerSecond(size, ourElapsed), Throughput.PerSecond(size, baselineElapsed))
            .Add("write rate", "MB/s", Throughput.MegabytesPerSecond(ourBytes, ourElapsed), Throughput.MegabytesPerSecond(baselineBytes, baselineElapsed))
            .Add("time writing", "s", ourElapsed.TotalSeconds, baselineElapsed.TotalSeconds)
            .Add("bytes written", "MB", ourBytes / Throughput.BytesPerMegabyte, baselineBytes / Throughput.BytesPerMegabyte)
            .Add("generate+render median", "ms/article", renderStats.Median)
            .Add("generate+render p95", "ms/article", renderStats.P95)
            .Add("generate+render p99", "ms/article", renderStats.P99);
        report.Print();
        Console.WriteLine(corpus.Describe());
        Console.WriteLine($"Results appended to {report.AppendToResultsFile()}");
        return Task.FromResult(0);
    }

    private static (TimeSpan Elapsed, long Bytes) WriteInParallel(
        int from, int to, string directory, ArticleFormat format, Func<int, string> content, Progress progress,
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
                File.WriteAllText(Path.Combine(directory, ArticleWriter.FileName(index, format)), text);
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
