namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>The scenario table: name → scenario. Program dispatches through it and lists it in usage.</summary>
public static class ScenarioCatalog
{
    /// <summary>All registered scenarios, in the order usage lists them.</summary>
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new GenerateScenario(),
        new PageScenario(),
        new IngestScenario(),
        new SearchScenario(),
        new LiveScenario(),
        new AlertsScenario(),
        new ExtractScenario(),

        // Add new scenarios here, one line each: a class implementing IScenario, or for a small one
        //   new DelegateScenario("name", "one-line description", (options, ct) => RunAsync(options, ct)),
    ];

    /// <summary>The same scenarios keyed by name, case-insensitively; building it fails fast on a duplicate name.</summary>
    public static IReadOnlyDictionary<string, IScenario> ByName { get; } =
        All.ToDictionary(scenario => scenario.Name, StringComparer.OrdinalIgnoreCase);
}
