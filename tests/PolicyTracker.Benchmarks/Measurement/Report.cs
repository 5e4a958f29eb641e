using System.Globalization;
using System.Text;

namespace PolicyTracker.Benchmarks.Measurement;

/// <summary>One measured figure; <see cref="Baseline"/> is null when there is nothing to compare with.</summary>
/// <param name="Name">What was measured, e.g. "throughput".</param>
/// <param name="Unit">Unit of both values, e.g. "articles/s" or "ms".</param>
/// <param name="Ours">Our value.</param>
/// <param name="Baseline">The baseline's value, measured in the same run.</param>
public sealed record Figure(string Name, string Unit, double Ours, double? Baseline)
{
    /// <summary>Ours divided by baseline, or null without a (non-zero) baseline.</summary>
    public double? Ratio => Baseline is { } baseline && baseline != 0 ? Ours / baseline : null;
}

/// <summary>
/// A scenario's figures: printed as a fixed-width "figure | ours | baseline | ratio" table under a
/// machine line, and appended as Markdown rows to BenchmarkResults/results.md for the README.
/// </summary>
public sealed class Report(string scenario, string parameters)
{
    private readonly List<Figure> _figures = [];

    /// <summary>Scenario name.</summary>
    public string Scenario { get; } = scenario;

    /// <summary>Parameters of the run, e.g. "size=1000 format=md".</summary>
    public string Parameters { get; } = parameters;

    /// <summary>Figures added so far.</summary>
    public IReadOnlyList<Figure> Figures => _figures;

    /// <summary>Adds a figure; returns this report so calls can be chained.</summary>
    public Report Add(string name, string unit, double ours, double? baseline = null)
    {
        _figures.Add(new Figure(name, unit, ours, baseline));
        return this;
    }

    /// <summary>Prints the machine line and the table (to stdout by default).</summary>
    public void Print(TextWriter? output = null)
    {
        output ??= Console.Out;
        output.WriteLine(MachineInfo.Current.Describe());
        output.WriteLine($"Scenario: {Scenario} ({Parameters})");
        string[] header = ["figure", "ours", "baseline", "ratio"];
        var rows = _figures.Select(f => new[] { $"{f.Name} ({f.Unit})", Format(f.Ours), FormatOptional(f.Baseline), FormatRatio(f.Ratio) }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    /// <summary>Appends one Markdown row per figure to <paramref name="path"/> (default: BenchmarkResults/results.md).</summary>
    public string AppendToResultsFile(string? path = null)
    {
        path ??= BenchmarkPaths.ResultsFile;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var text = new StringBuilder();
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            text.Append("| when (UTC) | scenario | parameters | figure | ours | baseline | ratio | machine |\n");
            text.Append("| --- | --- | --- | --- | ---: | ---: | ---: | --- |\n");
        }

        var when = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        foreach (var f in _figures)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {when} | {Scenario} | {Parameters} | {f.Name} ({f.Unit}) | {Format(f.Ours)} | {FormatOptional(f.Baseline)} | {FormatRatio(f.Ratio)} | {MachineInfo.Current.Summary()} |\n");
        }

        File.AppendAllText(path, text.ToString());
        return path;
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join(" | ", cells.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c])));

    // Enough significant digits to compare runs, without a wall of decimals on large rates.
    private static string Format(double value) => Math.Abs(value) switch
    {
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static string FormatOptional(double? value) => value is { } v ? Format(v) : "—";

    private static string FormatRatio(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "—";
}
