using System.Diagnostics;
using System.Text.Json;
using AngleSharp.Html.Parser;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Ingestion.Extraction;

namespace PolicyTracker.Evaluation.Extraction;

/// <summary>
/// Runs our extractor and SmartReader over a corpus of pages with expected output (Mozilla
/// Readability's test pages) and prints metadata accuracy, content F1 and each page that fails.
/// </summary>
static class ExtractionEvaluation
{
    // Upstream reads every test page as if served from this address.
    static readonly Uri PageUrl = new("http://fakehost/test/page.html");

    /// <summary>Evaluates every page folder under <paramref name="folder"/>; returns the exit code.</summary>
    public static int Run(string folder, TextWriter output, bool quiet)
    {
        if (!Directory.Exists(folder))
        {
            output.WriteLine($"No such folder: {folder}");
            return 2;
        }
        var pages = Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, "source.html"))).Order(StringComparer.Ordinal).ToList();
        var cleaner = new CanonicalHtml();
        var extractors = new (string Name, Func<string, Extracted?> Run)[]
        {
            ("ours", html => Ours(html, cleaner)),
            ("SmartReader 0.11.1", html => SmartReaderBaseline(html, cleaner)),
        };
        var results = extractors.Select(e => (e.Name, Scores: new List<PageScore>(), Time: new Stopwatch())).ToList();
        foreach (var dir in pages)
        {
            var html = File.ReadAllText(Path.Combine(dir, "source.html"));
            var expected = ExpectedOf(dir);
            for (var i = 0; i < extractors.Length; i++)
            {
                results[i].Time.Start();
                Extracted? got;
                try { got = extractors[i].Run(html); }
                catch (Exception e) when (e is not OutOfMemoryException) { got = null; output.WriteLine($"{Path.GetFileName(dir)}: {extractors[i].Name} threw {e.GetType().Name}: {e.Message}"); }
                results[i].Time.Stop();
                results[i].Scores.Add(PageScore.Of(Path.GetFileName(dir), expected, got));
            }
        }
        ExtractionReport.Print(output, folder, pages.Count, results.Select(r => (r.Name, (IReadOnlyList<PageScore>)r.Scores, r.Time.Elapsed)).ToList(), quiet);
        return 0;
    }

    static Extracted? Ours(string html, CanonicalHtml cleaner)
    {
        if (PageExtractor.Extract(html, PageUrl) is not { } page) return null;
        var text = cleaner.Clean(page.ContentHtml).Text;
        return new Extracted(page.Title, page.Byline, page.Excerpt, page.SiteName, page.Lang,
            page.PublishedAt is { } d ? new DateTimeOffset(d, TimeSpan.Zero) : null, text);
    }

    static Extracted? SmartReaderBaseline(string html, CanonicalHtml cleaner)
    {
        var article = new SmartReader.Reader(PageUrl.ToString(), html).GetArticle();
        if (article is null || string.IsNullOrEmpty(article.Content)) return null;
        var text = cleaner.Clean(article.Content).Text;
        DateTimeOffset? published = article.PublicationDate is { } d
            ? new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc).ToUniversalTime(), TimeSpan.Zero)
            : null;
        return new Extracted(article.Title, article.Byline, article.Excerpt, article.SiteName, article.Language, published, text);
    }

    static Expected ExpectedOf(string dir)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected-metadata.json")));
        string? S(string name) => json.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dir, "expected.html")));
        return new Expected(S("title"), S("byline"), S("excerpt"), S("siteName"), S("lang"), S("publishedTime"), ReadableText.Of(document.Body));
    }
}
