using System.Diagnostics;

namespace PolicyTracker.Benchmarks.Scenarios;

/// <summary>File-system chores around timed phases: clearing earlier output, flushing, deleting scratch files.</summary>
public static class OutputFiles
{
    /// <summary>
    /// Deletes files named like generated articles, <paramref name="prefix"/> then six or more digits then
    /// the extension ("000123.md"), in <paramref name="directory"/>, creating the folder if needed. Other
    /// files are left alone, so a mistyped --out cannot wipe anything else. Returns how many were deleted.
    /// </summary>
    public static int RemoveNumbered(string directory, string extension, string prefix = "")
    {
        Directory.CreateDirectory(directory);
        var doomed = Directory.EnumerateFiles(directory, prefix + "*." + extension)
            .Where(file => IsNumbered(Path.GetFileNameWithoutExtension(file), prefix))
            .ToList();
        // Unlinking is latency-bound on most disks; a few in flight at once finish sooner.
        Parallel.ForEach(doomed, new ParallelOptions { MaxDegreeOfParallelism = 8 }, File.Delete);
        return doomed.Count;
    }

    /// <summary>
    /// Asks the OS to write dirty pages to disk (the `sync` command, on Linux and macOS) so that a timed
    /// phase does not pay for the previous phase's writeback. Silently skipped where `sync` is missing.
    /// </summary>
    public static void FlushFileSystem()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
            sync?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No sync binary: the phases simply start without a flush.
        }
    }

    private static bool IsNumbered(string stem, string prefix) =>
        stem.StartsWith(prefix, StringComparison.Ordinal) &&
        stem.Length - prefix.Length >= 6 &&
        stem.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0;
}
