namespace PolicyTracker.Benchmarks;

/// <summary>Where benchmark output goes: BenchmarkResults/ at the repository root (git-ignored).</summary>
public static class BenchmarkPaths
{
    /// <summary>The repository root: the nearest folder up from the working directory with global.json or .git.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>BenchmarkResults/ under the repository root.</summary>
    public static string ResultsDirectory => Path.Combine(RepositoryRoot, "BenchmarkResults");

    /// <summary>The Markdown file reports append their rows to.</summary>
    public static string ResultsFile => Path.Combine(ResultsDirectory, "results.md");

    /// <summary>Default folder for generated articles of one format, e.g. BenchmarkResults/generated/md.</summary>
    public static string GeneratedArticles(string extension) => Path.Combine(ResultsDirectory, "generated", extension);

    // Found from the working directory rather than the binary, so `dotnet run` from anywhere in the
    // repo writes to the same place, and a copy of the repo elsewhere writes to its own.
    private static string FindRepositoryRoot()
    {
        var current = Directory.GetCurrentDirectory();
        for (var directory = new DirectoryInfo(current); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "global.json")) ||
                Path.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return directory.FullName;
            }
        }

        return current;
    }
}
