using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.SavedSearches.Matching;
using PolicyTracker.Web.SavedSearches.Webhooks;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Web.SavedSearches;

/// <summary>A member's saved searches and their matches; every call is scoped to the owner, so no one sees another's.</summary>
public sealed class SavedSearchService(TrackerDb db, WebhookClient webhooks)
{
    /// <summary>The owner's saved searches, newest first, with unread and match counts.</summary>
    public async Task<Paged<SavedSearchDto>> ListAsync(string ownerId, int page, int pageSize, CancellationToken ct)
    {
        var mine = db.SavedSearches.AsNoTracking().Where(s => s.OwnerId == ownerId);
        var total = await mine.CountAsync(ct);
        var rows = await mine.OrderByDescending(s => s.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<SavedSearchDto>(total, page, pageSize, await DescribeAsync(rows, ct));
    }

    /// <summary>One of the owner's saved searches, or null (also when it belongs to someone else).</summary>
    public async Task<SavedSearchDto?> GetAsync(string ownerId, int id, CancellationToken ct)
    {
        var row = await db.SavedSearches.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.OwnerId == ownerId, ct);
        return row is null ? null : (await DescribeAsync([row], ct))[0];
    }

    /// <summary>Field errors for the input, or none.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(SavedSearchInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors["name"] = "Give the saved search a name.";
        else if (input.Name.Trim().Length > SavedSearchRules.MaxName) errors["name"] = $"The name is longer than {SavedSearchRules.MaxName} characters.";
        var query = input.Query?.Trim() ?? "";
        if (query.Length == 0 && string.IsNullOrWhiteSpace(input.Source) && string.IsNullOrWhiteSpace(input.Flag))
            errors["query"] = "A saved search needs a query (or a source or flag to watch).";
        else if (query.Length > SavedSearchRules.MaxQuery) errors["query"] = $"The query is longer than {SavedSearchRules.MaxQuery} characters.";
        else
        {
            try
            {
                SearchService.Build(new SearchRequest(query, Source: input.Source, Flag: input.Flag));
            }
            catch (QueryError e)
            {
                errors["query"] = e.Message;
            }
        }
        if (!string.IsNullOrWhiteSpace(input.WebhookUrl) && await webhooks.CheckAsync(input.WebhookUrl.Trim(), ct) is { } refused)
            errors["webhookUrl"] = refused;
        if (input.WebhookSecret is { Length: > SavedSearchRules.MaxSecret }) errors["webhookSecret"] = $"The secret is longer than {SavedSearchRules.MaxSecret} characters.";
        return errors;
    }

    /// <summary>Creates a saved search (input already validated); it watches events from now on.</summary>
    public async Task<SavedSearchDto> CreateAsync(string ownerId, SavedSearchInput input, CancellationToken ct)
    {
        var row = new SavedSearch { OwnerId = ownerId, Name = "", Query = "" };
        Apply(row, input);
        row.StartAfterEvent = await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        db.SavedSearches.Add(row);
        await SaveChangedAsync(ct);
        return (await DescribeAsync([row], ct))[0];
    }

    /// <summary>True when the owner already has as many saved searches as allowed.</summary>
    public async Task<bool> AtLimitAsync(string ownerId, CancellationToken ct) =>
        await db.SavedSearches.CountAsync(s => s.OwnerId == ownerId, ct) >= SavedSearchRules.MaxPerMember;

    /// <summary>Changes a saved search (input already validated); null when it is not the owner's.</summary>
    public async Task<SavedSearchDto?> UpdateAsync(string ownerId, int id, SavedSearchInput input, CancellationToken ct)
    {
        var row = await db.SavedSearches.FirstOrDefaultAsync(s => s.Id == id && s.OwnerId == ownerId, ct);
        if (row is null) return null;
        Apply(row, input);
        row.UpdatedAt = DateTime.UtcNow;
        await SaveChangedAsync(ct);
        return (await DescribeAsync([row], ct))[0];
    }

    /// <summary>Deletes a saved search with its matches and deliveries; false when it is not the owner's.</summary>
    public async Task<bool> DeleteAsync(string ownerId, int id, CancellationToken ct)
    {
        var row = await db.SavedSearches.FirstOrDefaultAsync(s => s.Id == id && s.OwnerId == ownerId, ct);
        if (row is null) return false;
        db.SavedSearches.Remove(row);
        await SaveChangedAsync(ct);
        return true;
    }

    /// <summary>The saved search's matches, newest first; null when it is not the owner's.</summary>
    public async Task<Paged<MatchDto>?> MatchesAsync(string ownerId, int id, int page, int pageSize, bool unreadOnly, CancellationToken ct)
    {
        if (!await db.SavedSearches.AnyAsync(s => s.Id == id && s.OwnerId == ownerId, ct)) return null;
        var matches = db.SavedSearchMatches.AsNoTracking().Where(m => m.SavedSearchId == id && (!unreadOnly || !m.Seen));
        var total = await matches.CountAsync(ct);
        var items = await Project(matches.OrderByDescending(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new Paged<MatchDto>(total, page, pageSize, items);
    }

    /// <summary>Marks matches seen (all, or up to a match id) and moves the last-seen marker; null when not the owner's.</summary>
    public async Task<SeenResult?> MarkSeenAsync(string ownerId, int id, long? upTo, CancellationToken ct)
    {
        var search = await db.SavedSearches.FirstOrDefaultAsync(s => s.Id == id && s.OwnerId == ownerId, ct);
        if (search is null) return null;
        await db.SavedSearchMatches.Where(m => m.SavedSearchId == id && !m.Seen && (upTo == null || m.Id <= upTo))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Seen, true), ct);
        search.LastSeenAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        var unread = await db.SavedSearchMatches.CountAsync(m => m.SavedSearchId == id && !m.Seen, ct);
        return new SeenResult(unread, (await UnreadAsync(ownerId, ct)).Total);
    }

    /// <summary>Unread matches across the owner's saved searches.</summary>
    public async Task<UnreadSummary> UnreadAsync(string ownerId, CancellationToken ct)
    {
        var items = await db.SavedSearches.AsNoTracking().Where(s => s.OwnerId == ownerId)
            .Select(s => new UnreadItem(s.Id, s.Name, db.SavedSearchMatches.Count(m => m.SavedSearchId == s.Id && !m.Seen)))
            .ToListAsync(ct);
        return new UnreadSummary(items.Sum(i => i.Unread), [.. items.Where(i => i.Unread > 0).OrderByDescending(i => i.Unread)]);
    }

    /// <summary>The matches of one UTC day across the owner's saved searches.</summary>
    public async Task<Digest> DigestAsync(string ownerId, DateOnly day, CancellationToken ct)
    {
        var (from, to) = (day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var rows = await db.SavedSearchMatches.AsNoTracking()
            .Where(m => m.SavedSearch!.OwnerId == ownerId && m.MatchedAt >= from && m.MatchedAt < to)
            .OrderByDescending(m => m.Id).Take(1000)
            .Select(m => new { m.SavedSearchId, m.SavedSearch!.Name, m.SavedSearch.Query, Match = new MatchDto(m.Id, m.ArticleId, m.Article!.Title, m.Article.Source == null ? null : m.Article.Source.Name, m.Article.PublishedAt, m.MatchedAt, m.Seen) })
            .ToListAsync(ct);
        var groups = rows.GroupBy(r => (r.SavedSearchId, r.Name, r.Query)).OrderBy(g => g.Key.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new DigestGroup(g.Key.SavedSearchId, g.Key.Name, g.Key.Query, [.. g.Select(r => r.Match)])).ToList();
        return new Digest(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), rows.Count, groups);
    }

    /// <summary>The latest webhook deliveries of a saved search; null when not the owner's.</summary>
    public async Task<IReadOnlyList<DeliveryDto>?> DeliveriesAsync(string ownerId, int id, int take, CancellationToken ct)
    {
        if (!await db.SavedSearches.AnyAsync(s => s.Id == id && s.OwnerId == ownerId, ct)) return null;
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SavedSearchId == id).OrderByDescending(d => d.Id).Take(take).ToListAsync(ct);
        return [.. rows.Select(d => new DeliveryDto(d.Id, d.Status.ToString().ToLowerInvariant(), d.Attempts, d.CreatedAt, d.LastAttemptAt,
            d.Status == WebhookStatus.Pending ? d.NextAttemptAt : null, d.LastStatusCode, d.LastError))];
    }

    static IQueryable<MatchDto> Project(IQueryable<SavedSearchMatch> matches) =>
        matches.Select(m => new MatchDto(m.Id, m.ArticleId, m.Article!.Title, m.Article.Source == null ? null : m.Article.Source.Name, m.Article.PublishedAt, m.MatchedAt, m.Seen));

    static void Apply(SavedSearch row, SavedSearchInput input)
    {
        row.Name = input.Name!.Trim();
        row.Query = input.Query?.Trim() ?? "";
        row.Source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim();
        row.Flag = string.IsNullOrWhiteSpace(input.Flag) ? null : input.Flag.Trim();
        var url = string.IsNullOrWhiteSpace(input.WebhookUrl) ? null : input.WebhookUrl.Trim();
        // A new webhook without a secret of its own gets a random one; removing the webhook drops it.
        row.WebhookSecret = url is null ? null
            : !string.IsNullOrWhiteSpace(input.WebhookSecret) ? input.WebhookSecret.Trim()
            : row.WebhookUrl is not null && row.WebhookSecret is not null ? row.WebhookSecret
            : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        row.WebhookUrl = url;
    }

    /// <summary>Saves and tells the matcher (through the database, so every node sees it) that saved searches changed.</summary>
    async Task SaveChangedAsync(CancellationToken ct)
    {
        await SavedSearchFollower.SetStateAsync(db, SavedSearchFollower.VersionKey, Guid.NewGuid().ToString("N"), ct);
        await db.SaveChangesAsync(ct);
    }

    async Task<List<SavedSearchDto>> DescribeAsync(List<SavedSearch> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await db.SavedSearchMatches.AsNoTracking().Where(m => ids.Contains(m.SavedSearchId)).GroupBy(m => m.SavedSearchId)
            .Select(g => new { g.Key, Total = g.Count(), Unread = g.Count(m => !m.Seen), Last = g.Max(m => (DateTime?)m.MatchedAt) })
            .ToDictionaryAsync(g => g.Key, ct);
        var hooks = await db.WebhookDeliveries.AsNoTracking().Where(d => ids.Contains(d.SavedSearchId)).GroupBy(d => d.SavedSearchId)
            .Select(g => new
            {
                g.Key,
                Pending = g.Count(d => d.Status == WebhookStatus.Pending),
                Failed = g.Count(d => d.Status == WebhookStatus.Failed),
                Delivered = g.Count(d => d.Status == WebhookStatus.Delivered),
            }).ToDictionaryAsync(g => g.Key, ct);
        var failures = (await db.WebhookDeliveries.AsNoTracking().Where(d => ids.Contains(d.SavedSearchId) && d.LastError != null)
            .OrderByDescending(d => d.Id).Take(100).Select(d => new { d.SavedSearchId, d.LastError, d.LastAttemptAt }).ToListAsync(ct))
            .GroupBy(d => d.SavedSearchId).ToDictionary(g => g.Key, g => g.First());
        return [.. rows.Select(r =>
        {
            var c = counts.GetValueOrDefault(r.Id);
            var h = hooks.GetValueOrDefault(r.Id);
            var f = failures.GetValueOrDefault(r.Id);
            var health = r.WebhookUrl is null ? null : new WebhookHealth(h?.Pending ?? 0, h?.Failed ?? 0, h?.Delivered ?? 0, f?.LastError, f?.LastAttemptAt);
            return new SavedSearchDto(r.Id, r.Name, r.Query, r.Source, r.Flag, r.CreatedAt, r.WebhookUrl, r.WebhookSecret, r.LastSeenAt,
                c?.Unread ?? 0, c?.Total ?? 0, c?.Last, health);
        })];
    }
}
