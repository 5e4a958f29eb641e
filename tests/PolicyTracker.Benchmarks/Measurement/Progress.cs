using System.Diagnostics;
using System.Globalization;

namespace PolicyTracker.Benchmarks.Measurement;

/// <summary>
/// A console progress bar on stderr (so stdout stays clean for reports) showing count/total, rate and
/// ETA. <see cref="Increment"/> is a single interlocked add, cheap enough for hot parallel loops; a timer
/// redraws at most ten times a second, or every few seconds as plain lines when stderr is redirected.
/// </summary>
public sealed class Progress : IDisposable
{
    private const int BarWidth = 28;
    private static readonly TimeSpan InteractiveInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RedirectedInterval = TimeSpan.FromSeconds(5);

    private readonly string _label;
    private readonly long _total;
    private readonly TextWriter _output;
    private readonly bool _interactive;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Timer _timer;
    private readonly Lock _drawing = new();
    private long _completed;
    private int _lastLineLength;
    private bool _finished;

    /// <summary>Starts showing progress of <paramref name="total"/> items under <paramref name="label"/>.</summary>
    public Progress(string label, long total, TextWriter? output = null)
    {
        _label = label;
        _total = Math.Max(total, 1);
        _output = output ?? Console.Error;
        _interactive = output is null && !Console.IsErrorRedirected;
        var interval = _interactive ? InteractiveInterval : RedirectedInterval;
        _timer = new Timer(_ => Draw(final: false), null, interval, interval);
    }

    /// <summary>Items completed so far.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Records <paramref name="count"/> more completed items; safe from any thread.</summary>
    public void Increment(long count = 1) => Interlocked.Add(ref _completed, count);

    /// <summary>Stops the timer and draws the final state on its own line.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        Draw(final: true);
    }

    private void Draw(bool final)
    {
        lock (_drawing)
        {
            // The timer can fire once more after Dispose has drawn the final line.
            if (_finished)
            {
                return;
            }

            _finished = final;
            var line = Describe(Completed, Stopwatch.GetElapsedTime(_started));
            if (_interactive)
            {
                var padding = new string(' ', Math.Max(0, _lastLineLength - line.Length));
                _output.Write("\r" + line + padding + (final ? Environment.NewLine : string.Empty));
                _lastLineLength = line.Length;
            }
            else
            {
                _output.WriteLine(line);
            }

            _output.Flush();
        }
    }

    private string Describe(long done, TimeSpan elapsed)
    {
        var fraction = Math.Clamp((double)done / _total, 0, 1);
        var filled = (int)Math.Round(fraction * BarWidth);
        var rate = Throughput.PerSecond(done, elapsed);
        var remaining = rate > 0 ? TimeSpan.FromSeconds((_total - done) / rate) : (TimeSpan?)null;
        var eta = done >= _total
            ? "done in " + Throughput.FormatClock(elapsed)
            : "ETA " + (remaining is { } r ? Throughput.FormatClock(r) : "?");
        return string.Create(CultureInfo.InvariantCulture,
            $"{_label} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {done:N0}/{_total:N0} ({fraction * 100:0}%)  {rate:N0}/s  {eta}");
    }
}
