using System.Text.RegularExpressions;
using PolicyTracker.Evaluation.Python;
using PolicyTracker.Web.Ingestion.Feeds;

namespace PolicyTracker.Evaluation.Feeds;

/// <summary>The outcome of one corpus file's expectation.</summary>
sealed record Outcome(string File, string Expression, bool AboutEntries, bool Holds, string Why, bool HoldsOnCore = false);

/// <summary>Runs every corpus file through the parser and checks its Expect expression against the feedparser-shaped view.</summary>
static partial class FeedsEvaluation
{
    /// <summary>Evaluates the corpus under the folder and prints the report; returns the process exit code.</summary>
    public static int Run(string folder, TextWriter output)
    {
        if (!Directory.Exists(folder))
        {
            output.WriteLine($"No such folder: {folder}");
            return 2;
        }
        var outcomes = Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => Check(path, Path.GetRelativePath(folder, path)))
            .OfType<Outcome>()
            .ToList();
        Report(outcomes, folder, output);
        return 0;
    }

    static Outcome? Check(string path, string relative)
    {
        var bytes = File.ReadAllBytes(path);
        var expression = ExpectLine().Match(System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096))) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
        if (expression is null) return null;
        var aboutEntries = EntriesWord().IsMatch(expression);
        FeedDocument document;
        try
        {
            // feedparser's suite parses local files: no HTTP charset and no base URL beyond what xml:base says.
            document = FeedParser.Parse(bytes, null, null);
        }
        catch (FeedFormatException e)
        {
            return new Outcome(relative, expression, aboutEntries, false, "parser rejected the document: " + e.Message);
        }
        try
        {
            var node = PyParser.Parse(expression);
            var evaluator = new PyEvaluator(FeedparserView.Names(document));
            var holds = PyOps.Truthy(evaluator.Evaluate(node));
            return new Outcome(relative, expression, aboutEntries, holds, holds ? "" : evaluator.Explain(node), HoldsOnCore(node, document));
        }
        catch (PyError e)
        {
            return new Outcome(relative, expression, aboutEntries, false, e.Message);
        }
    }

    static bool HoldsOnCore(PyNode node, FeedDocument document)
    {
        try { return PyOps.Truthy(new PyEvaluator(CoreFeedparserView.Names(document)).Evaluate(node)); }
        catch (PyError) { return false; }
    }

    static void Report(List<Outcome> outcomes, string folder, TextWriter output)
    {
        output.WriteLine($"Feed parser evaluation on {folder}: {outcomes.Count} files with an Expect line");
        Line(output, "Entry assertions (expression mentions entries)", outcomes.Where(o => o.AboutEntries).ToList());
        Line(output, "Feed-level assertions (all others)", outcomes.Where(o => !o.AboutEntries).ToList());
        Line(output, "All assertions", outcomes);
        var entries = outcomes.Where(o => o.AboutEntries).ToList();
        output.WriteLine($"  (entry assertions that hold from the positional record fields alone, without the detail properties: {entries.Count(o => o.HoldsOnCore)}/{entries.Count})");
        var failures = outcomes.Where(o => !o.Holds).OrderBy(o => !o.AboutEntries).ThenBy(o => o.File, StringComparer.Ordinal).ToList();
        output.WriteLine();
        output.WriteLine($"Failing files ({failures.Count}):");
        foreach (var failure in failures)
        {
            output.WriteLine($"- {failure.File} [{(failure.AboutEntries ? "entries" : "feed")}]");
            output.WriteLine($"    expect: {failure.Expression}");
            output.WriteLine($"    why:    {failure.Why}");
        }
    }

    static void Line(TextWriter output, string label, List<Outcome> outcomes)
    {
        var holds = outcomes.Count(o => o.Holds);
        var percent = outcomes.Count == 0 ? 0 : 100.0 * holds / outcomes.Count;
        output.WriteLine($"{label}: {holds}/{outcomes.Count} hold ({percent:F1}%)");
    }

    [GeneratedRegex(@"Expect:[ \t]*([^\r\n]*)")]
    private static partial Regex ExpectLine();

    [GeneratedRegex(@"\bentries\b")]
    private static partial Regex EntriesWord();
}
