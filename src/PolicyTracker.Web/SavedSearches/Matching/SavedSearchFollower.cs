using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Web.SavedSearches.Matching;

/// <summary>
/// Follows the events table from a cursor kept in the database and matches every ingested or
/// updated article against all saved searches in memory. Each batch's matches, their
/// <c>savedSearchMatched</c> events (visible to the owner alone), their webhook deliveries and
/// the new cursor are written in one transaction, so a restart neither misses nor repeats a match.
/// With several nodes only the holder of the <c>saved-search-matching</c> lease matches.
/// </summary>
public sealed class SavedSearchFollower(IServiceScopeFactory scopes, EventSignal signal, SearchIndex index, ILogger<SavedSearchFollower> log,
    ScaleOut.Leases leases) : BackgroundService
{
    readonly ScaleOut.HeldLease lease = leases.For("saved-search-matching", TimeSpan.FromSeconds(30));

    /// <summary>AppState key of the last event matched.</summary>
    public const string CursorKey = "saved-search-cursor";
    /// <summary>AppState key changed whenever a saved search is created, changed or deleted.</summary>
    public const string VersionKey = "saved-search-version";
    const int BatchSize = 500;
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    static readonly TimeSpan CursorSaveInterval = TimeSpan.FromSeconds(30);
    DateTime cursorSaved = DateTime.MinValue;
    static readonly TimeSpan QuietInterval = TimeSpan.FromMilliseconds(100);
    bool lastBatchHadArticles = true;

    // Term statistics read once per reload: choosing anchors asks for the same terms many times.
    readonly Dictionary<string, int> frequencies = new(StringComparer.Ordinal);
    SavedSearchMonitor? monitorField;
    string? loadedVersion;

    SavedSearchMonitor Monitor => monitorField ??= new(Frequency);

    int Frequency(string key)
    {
        if (!frequencies.TryGetValue(key, out var n)) frequencies[key] = n = DocumentFrequency(index, key);
        return n;
    }

    /// <summary>The last event whose articles have been matched.</summary>
    public long Cursor { get; private set; } = -1;

    /// <summary>The monitor's work so far (benchmark and diagnostics).</summary>
    public MatchCounters Counters => Monitor.Counters;

    /// <summary>How many saved searches are being matched.</summary>
    public int Watching => Monitor.Count;

    /// <summary>Time spent on batches that had events: reading, matching and storing (benchmark and diagnostics).</summary>
    public TimeSpan Busy => TimeSpan.FromTicks(Interlocked.Read(ref busyTicks));
    long busyTicks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wake = signal.Subscribe();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await lease.HoldAsync(stoppingToken))
                {
                    Cursor = -1; // read it again from the database when this node takes over
                    await Task.Delay(PollInterval, stoppingToken);
                }
                else if (await MatchBatchAsync(stoppingToken) < BatchSize)
                {
                    await wake.WaitAsync(PollInterval, stoppingToken);
                    // After a batch with no article in it (a stream of annotations, say), gather the
                    // next commits for a moment rather than reading the events table after each one.
                    if (!lastBatchHadArticles) await Task.Delay(QuietInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Matching saved searches after event {Cursor} failed; retrying", Cursor);
                loadedVersion = null; // reload the saved searches: one may have been deleted meanwhile
                await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        await lease.ReleaseAsync();
    }

    /// <summary>Matches the next batch of events; returns how many events it consumed.</summary>
    public async Task<int> MatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        if (Cursor < 0) Cursor = await ReadCursorAsync(db, ct);
        await RefreshAsync(db, ct);

        var events = await db.Events.AsNoTracking().Where(e => e.Id > Cursor).OrderBy(e => e.Id).Take(BatchSize)
            .Select(e => new { e.Id, e.Type, e.ArticleId }).ToListAsync(ct);
        if (events.Count == 0) return 0;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var last = events[^1].Id;
        // One pass per article, judged at its newest event of the batch.
        var latest = events.Where(e => e.ArticleId is not null && e.Type is EventTypes.ArticleIngested or EventTypes.ArticleUpdated)
            .GroupBy(e => e.ArticleId!.Value).ToDictionary(g => g.Key, g => g.Max(e => e.Id));
        lastBatchHadArticles = latest.Count > 0;
        var found = new List<(Watch Watch, IndexedArticle Article)>();
        if (Monitor.Count > 0 && latest.Count > 0)
        {
            foreach (var article in await IndexFollower.LoadAsync(db, [.. latest.Keys], ct))
                found.AddRange(Monitor.Match(article, latest[article.Id]).Select(w => (w, article)));
        }
        // A batch with no article to match (annotations, claims, flags) only moves the cursor: keeping
        // that in memory spares a write that would queue behind every other writer. A restart
        // re-reads such events, which match nothing, so the stored cursor may lag a little.
        if (latest.Count > 0 || DateTime.UtcNow - cursorSaved > CursorSaveInterval)
        {
            await StoreAsync(db, found, last, ct);
            cursorSaved = DateTime.UtcNow;
        }
        Interlocked.Add(ref busyTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
        Cursor = last;
        return events.Count;
    }

    async Task StoreAsync(TrackerDb db, List<(Watch Watch, IndexedArticle Article)> found, long last, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (found.Count > 0)
        {
            var rows = await InsertMatchesAsync(db, found, ct);
            var fresh = found.Where((_, i) => rows[i] is not null).ToList();
            await AnnounceAsync(db, fresh, [.. rows.OfType<SavedSearchMatch>()], ct);
        }
        await SetStateAsync(db, CursorKey, last.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Inserts the matches with one prepared statement (many per article with thousands of saved
    /// searches, where tracked entities cost several times more); an article matches a saved
    /// search once, however often it changes, so an existing pair yields null.
    /// </summary>
    static async Task<SavedSearchMatch?[]> InsertMatchesAsync(TrackerDb db, List<(Watch Watch, IndexedArticle Article)> found, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var insert = connection.CreateCommand();
        insert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        insert.CommandText = """
            INSERT INTO "SavedSearchMatches" ("SavedSearchId", "ArticleId", "MatchedAt", "Seen") VALUES (@search, @article, @at, @seen)
            ON CONFLICT ("SavedSearchId", "ArticleId") DO NOTHING RETURNING "Id"
            """;
        var search = Parameter(insert, "@search");
        var article = Parameter(insert, "@article");
        var at = Parameter(insert, "@at");
        Parameter(insert, "@seen").Value = false;
        var now = DateTime.UtcNow;
        at.Value = now;
        var rows = new SavedSearchMatch?[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            (search.Value, article.Value) = (found[i].Watch.Definition.Id, found[i].Article.Id);
            if (await insert.ExecuteScalarAsync(ct) is { } id)
                rows[i] = new SavedSearchMatch { Id = Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture), SavedSearchId = found[i].Watch.Definition.Id, ArticleId = found[i].Article.Id, MatchedAt = now };
        }
        return rows;
    }

    static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }

    /// <summary>An owner-only event per match, carrying the owner's unread count, and a webhook delivery where one is set.</summary>
    static async Task AnnounceAsync(TrackerDb db, List<(Watch Watch, IndexedArticle Article)> fresh, List<SavedSearchMatch> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var owners = fresh.Select(f => f.Watch.Definition.OwnerId).Distinct().ToList();
        var unread = await db.SavedSearchMatches.Where(m => !m.Seen && owners.Contains(m.SavedSearch!.OwnerId))
            .GroupBy(m => m.SavedSearch!.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var searchIds = fresh.Select(f => f.Watch.Definition.Id).Distinct().ToList();
        var hooked = await db.SavedSearches.Where(s => searchIds.Contains(s.Id) && s.WebhookUrl != null).Select(s => s.Id).ToListAsync(ct);
        var events = new List<TrackerEvent>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (watch, article) = fresh[i];
            var d = watch.Definition;
            var match = MatchNotice.Of(rows[i], d, article);
            // No article number on the event: it concerns the owner, not the article's viewers or the index.
            events.Add(TrackerEvent.Create(EventTypes.SavedSearchMatched, null, match with { Unread = unread.GetValueOrDefault(d.OwnerId) }, d.OwnerId));
            if (hooked.Contains(d.Id))
                db.WebhookDeliveries.Add(new WebhookDelivery { SavedSearchId = d.Id, Payload = JsonSerializer.Serialize(WebhookPayload.Of(match, d.Query), JsonSerializerOptions.Web) });
        }
        await InsertEventsAsync(db, events, ct);
    }

    /// <summary>
    /// Appends the events with one prepared statement, in order. On PostgreSQL it first takes the
    /// transaction's event lock itself, as <see cref="EventOrdering"/> does for EF's inserts.
    /// </summary>
    static async Task InsertEventsAsync(TrackerDb db, List<TrackerEvent> events, CancellationToken ct)
    {
        await using var insert = db.Database.GetDbConnection().CreateCommand();
        insert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            insert.CommandText = $"SELECT pg_advisory_xact_lock({EventOrdering.AdvisoryLockKey})";
            await insert.ExecuteNonQueryAsync(ct);
        }
        insert.CommandText = """
            INSERT INTO "Events" ("Type", "ArticleId", "VisibleToUserId", "Data", "CreatedAt") VALUES (@type, NULL, @user, @data, @at)
            """;
        var (type, user, data, at) = (Parameter(insert, "@type"), Parameter(insert, "@user"), Parameter(insert, "@data"), Parameter(insert, "@at"));
        foreach (var e in events)
        {
            (type.Value, user.Value, data.Value, at.Value) = (e.Type, e.VisibleToUserId, e.Data, e.CreatedAt);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    async Task RefreshAsync(TrackerDb db, CancellationToken ct)
    {
        var version = await db.AppState.AsNoTracking().Where(s => s.Key == VersionKey).Select(s => s.Value).FirstOrDefaultAsync(ct) ?? "";
        if (version == loadedVersion) return;
        frequencies.Clear();
        var all = await db.SavedSearches.AsNoTracking()
            .Select(s => new WatchDefinition(s.Id, s.OwnerId, s.Name, s.Query, s.Source, s.Flag, s.StartAfterEvent, s.UpdatedAt)).ToListAsync(ct);
        foreach (var gone in Monitor.Watches.Keys.Except(all.Select(s => s.Id)).ToList()) Monitor.Remove(gone);
        foreach (var definition in all)
        {
            if (Monitor.Watches.TryGetValue(definition.Id, out var current) && current.Definition == definition) continue;
            try
            {
                Monitor.Put(definition);
            }
            catch (QueryError e)
            {
                // Saved queries are checked when saved; one that no longer parses is skipped, not fatal.
                log.LogWarning("Saved search {Id} is not matched: {Error}", definition.Id, e.Message);
                Monitor.Remove(definition.Id);
            }
        }
        loadedVersion = version;
    }

    static async Task<long> ReadCursorAsync(TrackerDb db, CancellationToken ct)
    {
        var stored = await db.AppState.AsNoTracking().Where(s => s.Key == CursorKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (long.TryParse(stored, System.Globalization.CultureInfo.InvariantCulture, out var cursor)) return cursor;
        // First start: saved searches watch what comes next, so history is not replayed.
        return await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;
    }

    /// <summary>Sets an AppState value inside the caller's unit of work.</summary>
    public static async Task SetStateAsync(TrackerDb db, string key, string value, CancellationToken ct)
    {
        var row = await db.AppState.FirstOrDefaultAsync(s => s.Key == key, ct);
        if (row is null) db.AppState.Add(new AppState { Key = key, Value = value });
        else (row.Value, row.UpdatedAt) = (value, DateTime.UtcNow);
    }

    static int DocumentFrequency(SearchIndex index, string key)
    {
        var at = key.IndexOf('\u001f', StringComparison.Ordinal);
        var term = new Lucene.Net.Index.Term(key[..at], key[(at + 1)..]);
        return index.Search(s => s.IndexReader.DocFreq(term));
    }
}
