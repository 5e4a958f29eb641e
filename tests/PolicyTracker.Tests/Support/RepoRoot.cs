namespace PolicyTracker.Tests.Support;

/// <summary>The repository root (the folder holding PolicyTracker.sln): the content root of the app under test.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PolicyTracker.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("PolicyTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
