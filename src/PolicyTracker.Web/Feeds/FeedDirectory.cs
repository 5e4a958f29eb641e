using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Shared;

namespace PolicyTracker.Web.Feeds;

/// <summary>Adding, pausing, resuming and removing feeds: shared by the Feeds page, the API and the CLI.</summary>
public sealed class FeedDirectory(TrackerDb db)
{
    /// <summary>Shortest poll interval accepted.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);

    /// <summary>Adds a feed, polled first at once; errors are sentences.</summary>
    public async Task<Result<Feed>> AddAsync(string url, TimeSpan interval, bool fetchFullPage = false)
    {
        if (UrlNormalizer.ParseHttp(url) is not { } uri) return Result<Feed>.Fail($"'{url}' is not an absolute http or https address.");
        if (interval < MinInterval) return Result<Feed>.Fail("Poll at most once a minute.");
        var normalized = uri.ToString();
        if (await db.Feeds.AnyAsync(f => f.Url == normalized)) return Result<Feed>.Fail("That feed is already followed.");
        var feed = new Feed { Url = normalized, IntervalSeconds = (int)interval.TotalSeconds, FetchFullPage = fetchFullPage };
        db.Feeds.Add(feed);
        await db.SaveChangesAsync();
        return Result<Feed>.Ok(feed);
    }

    /// <summary>Pauses or resumes polling; resuming polls at once.</summary>
    public async Task<bool> SetPausedAsync(int id, bool paused) =>
        await db.Feeds.Where(f => f.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.Paused, paused)
            .SetProperty(f => f.NextFetchAt, f => paused ? f.NextFetchAt : DateTime.UtcNow)) > 0;

    /// <summary>Asks for a poll at the next tick.</summary>
    public async Task<bool> PollSoonAsync(int id) =>
        await db.Feeds.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.NextFetchAt, DateTime.UtcNow)) > 0;

    /// <summary>Stops following a feed; its articles stay.</summary>
    public async Task<bool> RemoveAsync(int id) => await db.Feeds.Where(f => f.Id == id).ExecuteDeleteAsync() > 0;

    public Task<List<Feed>> ListAsync() => db.Feeds.AsNoTracking().OrderBy(f => f.Title ?? f.Url).ToListAsync();

    /// <summary>Parses "15m", "2h", "1d", "90s" or a number of minutes.</summary>
    public static TimeSpan? ParseInterval(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim().ToLowerInvariant();
        var unit = char.IsLetter(text[^1]) ? text[^1] : 'm';
        var number = char.IsLetter(text[^1]) ? text[..^1] : text;
        if (!double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) || n <= 0) return null;
        return unit switch { 's' => TimeSpan.FromSeconds(n), 'm' => TimeSpan.FromMinutes(n), 'h' => TimeSpan.FromHours(n), 'd' => TimeSpan.FromDays(n), _ => null };
    }
}
