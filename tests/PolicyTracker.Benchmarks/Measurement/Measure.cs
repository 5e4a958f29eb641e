using System.Diagnostics;

namespace PolicyTracker.Benchmarks.Measurement;

/// <summary>Stopwatch helpers for timing one operation or many repetitions of it.</summary>
public static class Measure
{
    /// <summary>Times one run of <paramref name="action"/>.</summary>
    public static TimeSpan Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>Times one run of <paramref name="function"/> and returns its result too.</summary>
    public static (T Result, TimeSpan Elapsed) Time<T>(Func<T> function)
    {
        var start = Stopwatch.GetTimestamp();
        var result = function();
        return (result, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>Times one run of an asynchronous operation.</summary>
    public static async Task<TimeSpan> TimeAsync(Func<Task> operation)
    {
        var start = Stopwatch.GetTimestamp();
        await operation().ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>
    /// Runs <paramref name="action"/> (given the iteration number) <paramref name="warmup"/> times untimed,
    /// so the JIT and caches settle, then <paramref name="iterations"/> times timed, and summarises.
    /// </summary>
    public static Stats Repeat(int iterations, Action<int> action, int warmup = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        for (var i = 0; i < warmup; i++)
        {
            action(i);
        }

        var durations = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action(i);
            durations[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return Stats.FromMilliseconds(durations);
    }

    /// <summary>Asynchronous counterpart of <see cref="Repeat"/>, for requests and other awaited work.</summary>
    public static async Task<Stats> RepeatAsync(int iterations, Func<int, Task> operation, int warmup = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        for (var i = 0; i < warmup; i++)
        {
            await operation(i).ConfigureAwait(false);
        }

        var durations = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(i).ConfigureAwait(false);
            durations[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return Stats.FromMilliseconds(durations);
    }
}
