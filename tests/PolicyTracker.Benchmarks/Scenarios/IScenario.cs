using PolicyTracker.Benchmarks.Cli;

namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>A benchmark runnable as `dotnet run -c Release --project tests/PolicyTracker.Benchmarks -- NAME`.</summary>
public interface IScenario
{
    /// <summary>Name typed on the command line.</summary>
    string Name { get; }

    /// <summary>One line for the usage listing.</summary>
    string Description { get; }

    /// <summary>Scenario-specific option names (without "--") this scenario reads from <see cref="BenchmarkOptions.Extra"/>.</summary>
    IReadOnlyCollection<string> ExtraOptions => [];

    /// <summary>Runs the scenario; returns the process exit code (0 on success).</summary>
    Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken);
}

/// <summary>A scenario defined by a delegate, for ones too small to deserve a class.</summary>
public sealed record DelegateScenario(
    string Name,
    string Description,
    Func<BenchmarkOptions, CancellationToken, Task<int>> Run) : IScenario
{
    /// <inheritdoc />
    public Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken) => Run(options, cancellationToken);
}
