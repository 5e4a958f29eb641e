using PolicyTracker.Benchmarks.Cli;
using PolicyTracker.Benchmarks.Scenarios;

namespace PolicyTracker.Benchmarks;

/// <summary>Entry point: parses the command line and dispatches to a scenario from <see cref="ScenarioCatalog"/>.</summary>
public static class Program
{
    private const int UsageExitCode = 2;
    private const int CancelledExitCode = 130;

    /// <summary>Runs the scenario named by the first argument.</summary>
    public static async Task<int> Main(string[] args)
    {
        // The page scenario's baseline server runs as a child process of this program.
        if (args.Length == 3 && args[0] == Servers.BareServer.Verb)
        {
            return await Servers.BareServer.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        // The search scenario's HTTP baseline, bare Lucene.Net behind Kestrel, too.
        if (args.Length == 3 && args[0] == Servers.BareSearchServer.Verb)
        {
            return await Servers.BareSearchServer.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        // The live scenario's baseline, a bare echo hub, too.
        if (args.Length == 2 && args[0] == Servers.EchoHubServer.Verb)
        {
            return await Servers.EchoHubServer.RunAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        if (args.Length > 0 && args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(Console.Out);
            return 0;
        }

        var options = BenchmarkOptions.Parse(args, out var error);
        if (options is null || !ScenarioCatalog.ByName.TryGetValue(options.Scenario, out var scenario))
        {
            Console.Error.WriteLine(error ?? $"Unknown scenario '{options?.Scenario}'.");
            PrintUsage(Console.Error);
            return UsageExitCode;
        }

        var unknown = options.Extra.Keys.Where(key => !scenario.ExtraOptions.Contains(key, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"Scenario '{scenario.Name}' does not take: {string.Join(", ", unknown.Select(k => "--" + k))}");
            PrintUsage(Console.Error);
            return UsageExitCode;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl+C stops the scenario cleanly; the process then exits on its own.
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            return await scenario.RunAsync(options, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return CancelledExitCode;
        }
    }

    private static void PrintUsage(TextWriter output)
    {
        output.WriteLine("Usage: dotnet run -c Release --project tests/PolicyTracker.Benchmarks -- <scenario> [options]");
        output.WriteLine();
        output.WriteLine("Scenarios:");
        var width = ScenarioCatalog.All.Max(s => s.Name.Length);
        foreach (var scenario in ScenarioCatalog.All)
        {
            output.WriteLine($"  {scenario.Name.PadRight(width)}  {scenario.Description}");
        }

        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --size N        items to work on (default 1000; 10k, 100k, 1m accepted)");
        output.WriteLine("  --out DIR       output folder (scenario default under BenchmarkResults/)");
        output.WriteLine("  --format F      md | html | txt (default md)");
        output.WriteLine("  --seed S        generator seed (default 42)");
    }
}
