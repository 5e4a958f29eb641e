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
        var generator = new ArticleGenerator(new ArticleGeneratorOptions(Seed: options.Seed));
        Console.Error.WriteLine($"Generating {size:N0} {format} articles into {directory}");

        // Warm-up JITs the generator and yields the typical article size the baseline must match.
        var sample = Enumerable.Range(0, Math.Min(WarmupArticles, size))
            .Select(i => Encoding.UTF8.GetByteCount(ArticleWriter.Render(generator.Generate(i), format)))
            .ToArray();
        var premadeText = PremadeText((int)sample.Average());

        var baselineDirectory = directory.TrimEnd(Path.DirectorySeparatorChar) + ".baseline";
        TimeSpan baselineElapsed;
        try
        {
            // Baseline first: whatever writeback it leaves behind slows our run, not the other way round.
            PrepareEmptyDirectory(baselineDirectory, format);
            baselineElapsed = WriteInParallel("baseline", size, baselineDirectory, format, _ => premadeText, cancellationToken).Elapsed;
        }
        finally
        {
            if (Directory.Exists(baselineDirectory))
            {
                Directory.Delete(baselineDirectory, recursive: true);
            }
        }

        var removed = PrepareEmptyDirectory(directory, format);
        if (removed > 0)
        {
            Console.Error.WriteLine($"Removed {removed:N0} files of an earlier run.");
        }

        var corpus = new CorpusTally(size);
        var renderMs = new double[size];
        var (ourElapsed, ourBytes) = WriteInParallel("generate", size, directory, format, index =>
        {
            var start = Stopwatch.GetTimestamp();
            var article = generator.Generate(index);
            var text = ArticleWriter.Render(article, format);
            renderMs[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            corpus.Record(article);
            return text;
        }, cancellationToken);

        var baselineBytes = (long)Encoding.UTF8.GetByteCount(premadeText) * size;
        var renderStats = Stats.FromMilliseconds(renderMs);
        var report = new Report(Name, $"size={size} format={format.Extension()} seed={options.Seed}")
            .Add("throughput", "articles/s", Throughput.PerSecond(size, ourElapsed), Throughput.PerSecond(size, baselineElapsed))
            .Add("write rate", "MB/s", Throughput.MegabytesPerSecond(ourBytes, ourElapsed), Throughput.MegabytesPerSecond(baselineBytes, baselineElapsed))
            .Add("wall time", "s", ourElapsed.TotalSeconds, baselineElapsed.TotalSeconds)
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
        string label, int size, string directory, ArticleFormat format, Func<int, string> content, CancellationToken cancellationToken)
    {
        long bytes = 0;
        var parallelism = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = Environment.ProcessorCount,
        };

        // Ranges rather than single indices: one delegate call per chunk, and each thread writes nearby files.
        var chunk = Math.Clamp(size / (Environment.ProcessorCount * 16), 16, 1024);
        using var progress = new Progress(label, size);
        var elapsed = Measure.Time(() => Parallel.ForEach(Partitioner.Create(0, size, chunk), parallelism, range =>
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

    // Removes only files this scenario names ("000123.md"), so a mistyped --out cannot wipe anything else.
    private static int PrepareEmptyDirectory(string directory, ArticleFormat format)
    {
        Directory.CreateDirectory(directory);
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*." + format.Extension()))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            if (stem.Length >= 6 && stem.All(char.IsAsciiDigit))
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
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
