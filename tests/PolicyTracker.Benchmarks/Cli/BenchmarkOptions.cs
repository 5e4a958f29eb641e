using System.Globalization;
using PolicyTracker.Benchmarks.Generation;

namespace PolicyTracker.Benchmarks.Cli;

/// <summary>Command-line options shared by all scenarios.</summary>
/// <param name="Scenario">Scenario name (first argument).</param>
/// <param name="Size">--size: how many items the scenario works on (default 1000; accepts 10k, 1m).</param>
/// <param name="OutputDirectory">--out: where the scenario writes files, or null for its default.</param>
/// <param name="Format">--format: md, html or txt (default md).</param>
/// <param name="Seed">--seed: generator seed (default 42).</param>
/// <param name="Extra">Other --name value pairs, for scenario-specific options (see IScenario.ExtraOptions).</param>
public sealed record BenchmarkOptions(
    string Scenario,
    int Size,
    string? OutputDirectory,
    ArticleFormat Format,
    int Seed,
    IReadOnlyDictionary<string, string> Extra)
{
    /// <summary>Default for --size.</summary>
    public const int DefaultSize = 1000;

    /// <summary>Parses arguments; on failure returns null and sets <paramref name="error"/>.</summary>
    public static BenchmarkOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            error = args.Count == 0 ? "No scenario given." : "The scenario name must come first.";
            return null;
        }

        var size = DefaultSize;
        string? output = null;
        var format = ArticleFormat.Markdown;
        var seed = 42;
        var extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                error = $"Expected '--option value' but got '{name}'.";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--size" when TryParseSize(value, out size):
                    break;
                case "--size":
                    error = $"--size wants a positive count such as 1000, 10k or 1m, not '{value}'.";
                    return null;
                case "--out":
                    output = value;
                    break;
                case "--format" when ArticleFormats.TryParse(value, out format):
                    break;
                case "--format":
                    error = $"--format wants md, html or txt, not '{value}'.";
                    return null;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed):
                    break;
                case "--seed":
                    error = $"--seed wants an integer, not '{value}'.";
                    return null;
                default:
                    extra[name[2..]] = value;
                    break;
            }
        }

        return new BenchmarkOptions(args[0], size, output, format, seed, extra);
    }

    /// <summary>Parses "1000", "1_000", "1,000", "10k", "2.5k" or "1m" into a positive int.</summary>
    public static bool TryParseSize(string text, out int size)
    {
        size = 0;
        var cleaned = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal)
            .Replace(",", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var multiplier = 1.0;
        if (cleaned.EndsWith('k'))
        {
            multiplier = 1e3;
            cleaned = cleaned[..^1];
        }
        else if (cleaned.EndsWith('m'))
        {
            multiplier = 1e6;
            cleaned = cleaned[..^1];
        }

        if (!double.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var value = Math.Round(number * multiplier);
        if (value is < 1 or > int.MaxValue)
        {
            return false;
        }

        size = (int)value;
        return true;
    }
}
