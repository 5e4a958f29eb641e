using System.Diagnostics;
using AngleSharp.Html.Parser;
using PolicyTracker.Benchmarks.Cli;
using PolicyTracker.Benchmarks.Generation;
using PolicyTracker.Benchmarks.Measurement;
using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>
/// Per page: our extraction (metadata, main content, then sanitizing and canonical text, as
/// ingestion does it) against a bare AngleSharp parse of the same page, alternating page by page
/// in the same run, on one thread. Generated news pages always; real pages too when --pages names
/// a folder (every *.html file under it, e.g. the readability corpus's source.html files).
/// </summary>
public sealed class ExtractScenario : IScenario
{
    const int Rounds = 3;
    static readonly Uri PageUrl = new("https://bench.example/story");

    public string Name => "extract";

    public string Description => "extraction + sanitizing per page vs a bare AngleSharp parse (generated pages; --pages DIR adds real ones)";

    public IReadOnlyCollection<string> ExtraOptions => ["pages"];

    public Task<int> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        var generator = new ArticleGenerator(new ArticleGeneratorOptions(Seed: options.Seed));
        var generated = Enumerable.Range(0, options.Size).Select(i => HtmlPageWriter.Render(generator.Generate(i))).ToArray();
        var sets = new List<(string Name, string[] Pages)> { ("generated", generated) };
        if (options.Extra.TryGetValue("pages", out var folder))
        {
            if (!Directory.Exists(folder))
            {
                Console.Error.WriteLine($"No such folder: {folder}");
                return Task.FromResult(2);
            }
            // A corpus of page folders (source.html beside expected output) or a folder of pages.
            var files = Directory.GetFiles(folder, "source.html", SearchOption.AllDirectories);
            if (files.Length == 0) files = Directory.GetFiles(folder, "*.html", SearchOption.AllDirectories);
            sets.Add(("real", files.Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray()));
        }

        var report = new Report(Name, string.Join(", ", sets.Select(s => $"{s.Pages.Length} {s.Name} pages")) + $", {Rounds} rounds, one thread");
        var cleaner = new CanonicalHtml();
        foreach (var (name, pages) in sets)
        {
            ct.ThrowIfCancellationRequested();
            var (ours, bare) = Measure(pages, cleaner, ct);
            var sanitizing = Sanitizing(pages, cleaner);
            Console.Error.WriteLine($"{name}: ours {ours}");
            Console.Error.WriteLine($"{name}: of which sanitizing {sanitizing}");
            Console.Error.WriteLine($"{name}: bare parse {bare}");
            report.Add($"{name} pages, median", "ms", ours.Median, bare.Median)
                .Add($"{name} pages, p95", "ms", ours.P95, bare.P95)
                .Add($"{name} pages, sanitizing the extracted content alone, median", "ms", sanitizing.Median);
        }
        report.Print();
        report.AppendToResultsFile();
        return Task.FromResult(0);
    }

    static (Stats Ours, Stats Bare) Measure(string[] pages, CanonicalHtml cleaner, CancellationToken ct)
    {
        var parser = new HtmlParser();
        // Warm up both paths so the JIT and the regexes are settled before timing.
        foreach (var page in pages.Take(20))
        {
            Extract(page, cleaner);
            parser.ParseDocument(page);
        }
        var ours = new List<double>(pages.Length * Rounds);
        var bare = new List<double>(pages.Length * Rounds);
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var page in pages)
            {
                ct.ThrowIfCancellationRequested();
                // Alternate which goes first, so neither always runs on a warm cache.
                if (round % 2 == 0)
                {
                    bare.Add(Time(() => parser.ParseDocument(page)));
                    ours.Add(Time(() => Extract(page, cleaner)));
                }
                else
                {
                    ours.Add(Time(() => Extract(page, cleaner)));
                    bare.Add(Time(() => parser.ParseDocument(page)));
                }
            }
        }
        return (Stats.FromMilliseconds(ours), Stats.FromMilliseconds(bare));
    }

    // The sanitizing share, timed on its own over the content each page gave.
    static Stats Sanitizing(string[] pages, CanonicalHtml cleaner)
    {
        var contents = pages.Select(p => { try { return PageReader.Read(p, PageUrl).Content; } catch (FormatException) { return ""; } }).ToArray();
        return Stats.FromMilliseconds(contents.Select(c => Time(() => cleaner.Clean(c))));
    }

    static void Extract(string page, CanonicalHtml cleaner)
    {
        try
        {
            cleaner.Clean(PageReader.Read(page, PageUrl).Content);
        }
        catch (FormatException)
        {
            // A page with no article is still measured: finding that out is the work.
        }
    }

    static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
