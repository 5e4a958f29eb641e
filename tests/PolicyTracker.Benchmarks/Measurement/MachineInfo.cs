using System.Runtime;
using System.Runtime.InteropServices;

namespace PolicyTracker.Benchmarks.Measurement;

/// <summary>What a figure was measured on, so results from different machines are not compared blindly.</summary>
/// <param name="Processor">CPU model name, or the architecture when the model is unknown.</param>
/// <param name="HostProcessorCount">Logical processors the OS reports (may exceed what the process may use).</param>
/// <param name="ProcessorCount">Environment.ProcessorCount: the processors this process may use (after container limits).</param>
/// <param name="OperatingSystem">OS description.</param>
/// <param name="Runtime">.NET runtime description.</param>
/// <param name="ServerGc">True when server garbage collection is on.</param>
/// <param name="Configuration">Build configuration the harness was compiled in.</param>
public sealed record MachineInfo(
    string Processor, int HostProcessorCount, int ProcessorCount, string OperatingSystem, string Runtime, bool ServerGc,
    string Configuration)
{
    /// <summary>The machine this process runs on.</summary>
    public static MachineInfo Current { get; } = Detect();

    /// <summary>One line for the top of a report.</summary>
    public string Describe() =>
        $"Machine: {Processor} | {HostProcessorCount} logical processors | {OperatingSystem} | {Runtime} | " +
        $"Environment.ProcessorCount={ProcessorCount} | server GC {(ServerGc ? "on" : "off")} | {Configuration} build";

    /// <summary>A short form for a results table cell.</summary>
    public string Summary() =>
        $"{ProcessorCount} CPU, {RuntimeInformation.OSArchitecture}, {Runtime}, GC {(ServerGc ? "server" : "workstation")}";

    private static MachineInfo Detect()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var (model, hostCount) = ReadLinuxCpuInfo();
        return new MachineInfo(
            model ?? Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            hostCount > 0 ? hostCount : Environment.ProcessorCount,
            Environment.ProcessorCount,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            GCSettings.IsServerGC,
            configuration);
    }

    // /proc/cpuinfo lists every host processor even when a container quota limits this process.
    private static (string? Model, int Count) ReadLinuxCpuInfo()
    {
        const string path = "/proc/cpuinfo";
        if (!File.Exists(path))
        {
            return (null, 0);
        }

        try
        {
            string? model = null;
            var count = 0;
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("processor", StringComparison.Ordinal))
                {
                    count++;
                }
                else if (model is null && line.StartsWith("model name", StringComparison.Ordinal))
                {
                    model = line[(line.IndexOf(':') + 1)..].Trim();
                }
            }

            return (model, count);
        }
        catch (IOException)
        {
            return (null, 0);
        }
    }
}
