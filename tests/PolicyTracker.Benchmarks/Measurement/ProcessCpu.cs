using System.Globalization;

namespace PolicyTracker.Benchmarks.Measurement;

/// <summary>
/// CPU time (user + system) that processes have used, read from <c>/proc</c> (Linux): a cost per
/// operation that other work on the machine distorts far less than latency.
/// </summary>
public static class ProcessCpu
{
    // /proc/[pid]/stat counts in clock ticks of 1/100 s (USER_HZ) on Linux.
    const double TicksPerSecond = 100;

    /// <summary>CPU used so far by each of <paramref name="pids"/> (0 for one that has exited).</summary>
    public static Dictionary<int, TimeSpan> Sample(IEnumerable<int> pids) =>
        pids.Distinct().ToDictionary(p => p, p => TimeSpan.FromSeconds(Ticks(p) / TicksPerSecond));

    /// <summary>CPU used between two samples by the processes of the later one (a process started meanwhile counts whole).</summary>
    public static TimeSpan Between(Dictionary<int, TimeSpan> before, Dictionary<int, TimeSpan> after) =>
        after.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Value - before.GetValueOrDefault(p.Key));

    /// <summary>The process and its children (e.g. the PostgreSQL server and its backends).</summary>
    public static IEnumerable<int> WithChildren(int parent)
    {
        yield return parent;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            if (Fields(pid) is { } f && f.Length > 1 && f[1] == parent.ToString(CultureInfo.InvariantCulture)) yield return pid;
        }
    }

    static long Ticks(int pid) => Fields(pid) is { Length: > 12 } f
        ? long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)
        : 0;

    // The fields after the command name (which may hold spaces): state, ppid, …, utime (14th), stime (15th).
    static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // the process has exited
        }
    }
}
