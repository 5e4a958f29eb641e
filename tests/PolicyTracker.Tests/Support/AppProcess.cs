using System.Diagnostics;

namespace PolicyTracker.Tests.Support;

/// <summary>Runs the built PolicyTracker executable as a separate process, as a person would from a shell.</summary>
public static class AppProcess
{
    static string Configuration => AppContext.BaseDirectory.Contains($"{System.IO.Path.DirectorySeparatorChar}Release{System.IO.Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>The app's own build output.</summary>
    public static string Dll => System.IO.Path.Combine(RepoRoot.Path, "src", "PolicyTracker.Web", "bin", Configuration, "net10.0", "PolicyTracker.Web.dll");

    /// <summary>Runs the app with <paramref name="args"/> in the repository root and waits for it to exit.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        IEnumerable<string> args, Dictionary<string, string> environment, string? standardInput = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment) start.Environment[k] = v;
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = Process.Start(start)!;
        if (standardInput is not null) await process.StandardInput.WriteLineAsync(standardInput);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
