using System.Globalization;

namespace PolicyTracker.Evaluation.Extraction;

/// <summary>Prints the extraction figures side by side, then each page where an extractor fell short.</summary>
static class ExtractionReport
{
    static readonly string[] Fields = ["title", "byline", "excerpt", "siteName"];

    /// <summary>Writes the summary table and, unless <paramref name="quiet"/>, the per-page failures.</summary>
    public static void Print(TextWriter output, string folder, int pages, IReadOnlyList<(string Name, IReadOnlyList<PageScore> Scores, TimeSpan Time)> results, bool quiet)
    {
        output.WriteLine($"Extraction on {folder} ({pages} pages)");
        output.WriteLine();
        output.WriteLine($"| figure | {string.Join(" | ", results.Select(r => r.Name))} | target |");
        output.WriteLine($"| --- |{string.Concat(results.Select(_ => " --- |"))} --- |");
        string Target(string field) => field switch { "title" => ">= 97%", "byline" => ">= 90%", "publishedTime" => "100%", _ => "" };
        foreach (var field in Fields)
            output.WriteLine($"| {field} | {string.Join(" | ", results.Select(r => Percent(r.Scores.Count(s => s.Misses.All(m => m.Field != field)), r.Scores.Count)))} | {Target(field)} |");
        output.WriteLine($"| lang (where expected) | {string.Join(" | ", results.Select(r => Percent(r.Scores.Count(s => s.LangRight == true), r.Scores.Count(s => s.LangRight is not null))))} | |");
        output.WriteLine($"| publishedTime (where expected) | {string.Join(" | ", results.Select(r => Percent(r.Scores.Count(s => s.PublishedRight == true), r.Scores.Count(s => s.PublishedRight is not null))))} | 100% |");
        output.WriteLine($"| content F1 (mean) | {string.Join(" | ", results.Select(r => r.Scores.Average(s => s.F1).ToString("0.0000", CultureInfo.InvariantCulture)))} | >= 0.995 |");
        output.WriteLine($"| pages with F1 < 0.99 | {string.Join(" | ", results.Select(r => r.Scores.Count(s => s.F1 < 0.99).ToString(CultureInfo.InvariantCulture)))} | |");
        output.WriteLine($"| time, all pages | {string.Join(" | ", results.Select(r => $"{r.Time.TotalMilliseconds:0} ms"))} | |");
        if (quiet) return;

        foreach (var (name, scores, _) in results)
        {
            output.WriteLine();
            output.WriteLine($"## {name}: pages that fail");
            foreach (var s in scores.Where(s => s.Misses.Count > 0 || s.F1 < 0.99))
            {
                output.WriteLine($"- {s.Page}" + (s.F1 < 0.99 ? $"  F1 {s.F1:0.000}" : ""));
                foreach (var m in s.Misses) output.WriteLine($"    {m.Field}: expected {Quote(m.Expected)}, got {Quote(m.Got)}");
                if (s.F1 < 0.99)
                {
                    output.WriteLine($"    missing: {string.Join(' ', s.Missing)}");
                    output.WriteLine($"    extra:   {string.Join(' ', s.Extra)}");
                }
            }
        }
    }

    static string Percent(int n, int of) => of == 0 ? "—" : $"{100.0 * n / of:0.0}% ({n}/{of})";

    static string Quote(string? s) => s is null ? "null" : "\"" + (s.Length > 120 ? s[..120] + "…" : s) + "\"";
}
