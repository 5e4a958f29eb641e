using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;
using PolicyTracker.Web.Provenance;

namespace PolicyTracker.Web.Search;

/// <summary>
/// Keeps the index in step with the database by following the events table from the last
/// event the index recorded: at start-up it catches up, then it applies new events as they
/// commit, committing the index once per batch rather than per document.
/// </summary>
public sealed class IndexFollower(IServiceScopeFactory scopes, SearchIndex index, EventSignal signal, Articles.ArticleReader reader, ILogger<IndexFollower> log)
    : BackgroundService
{
    const int BatchSize = 500;
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    // Searches see changes at once (near-real-time); the durable commit, which syncs files, is batched.
    static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(5);
    // Reopening the near-real-time reader flushes a segment; under a stream of single-article
    // commits, gathering a fifth of a second of them keeps that cost per batch, not per article.
    static readonly TimeSpan MinBatchInterval = TimeSpan.FromMilliseconds(200);
    // Under a bulk import every reopen also leaves a small segment that merges must rewrite later;
    // large batches are made searchable at most this often (small ones at once), well inside a second.
    static readonly TimeSpan BulkRefreshInterval = TimeSpan.FromMilliseconds(700);
    const int SmallBatch = 50;
    DateTime lastCommit = DateTime.UtcNow;
    DateTime lastRefresh = DateTime.MinValue;
    long applied; // the last event written to the index, searchable or not yet
    readonly IndexedTags tags = new();

    bool RefreshPending => applied > index.LastEvent;

    /// <summary>How many article documents this follower has written (diagnostics and tests).</summary>
    public long ArticlesIndexed => Interlocked.Read(ref articlesIndexed);
    long articlesIndexed;

    /// <summary>True while the follower is more than a batch behind the events table.</summary>
    public bool CatchingUp { get; private set; } = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wake = signal.Subscribe();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var count = await ApplyBatchAsync(stoppingToken);
                CatchingUp = count == BatchSize;
                if (count == 0 && RefreshPending) Refresh();
                if (DateTime.UtcNow - lastCommit > CommitInterval)
                {
                    index.Commit();
                    lastCommit = DateTime.UtcNow;
                }
                if (!CatchingUp)
                {
                    var due = RefreshPending ? lastRefresh + BulkRefreshInterval - DateTime.UtcNow : PollInterval;
                    await wake.WaitAsync(due > TimeSpan.Zero ? due : TimeSpan.Zero, stoppingToken);
                    await Task.Delay(MinBatchInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Indexing events after {Last} failed; retrying", index.LastEvent);
                await Task.Delay(PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    async Task<int> ApplyBatchAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        var after = Math.Max(applied, index.LastEvent);
        var events = await db.Events.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id)
            .Take(BatchSize).Select(e => new { e.Id, e.ArticleId, e.Type }).ToListAsync(ct);
        if (events.Count == 0) return 0;

        var byArticle = events.Where(e => e.ArticleId != null).GroupBy(e => e.ArticleId!.Value).ToList();
        var changed = byArticle.Where(g => !g.All(e => EventTypes.IsAnnotation(e.Type))).Select(g => g.Key).ToList();
        var annotated = byArticle.Where(g => g.All(e => EventTypes.IsAnnotation(e.Type))).Select(g => g.Key).ToList();
        // Articles with any annotation event have their indexed tags remembered, however they were re-indexed.
        var withAnnotations = byArticle.Where(g => g.Any(e => EventTypes.IsAnnotation(e.Type))).Select(g => g.Key).ToHashSet();
        reader.Forget(changed);
        var stale = await tags.StaleAsync(db, annotated, ct);
        foreach (var article in await LoadAsync(db, [.. changed, .. stale], ct))
        {
            index.Upsert(article);
            Interlocked.Increment(ref articlesIndexed);
            tags.Indexed(article, remember: withAnnotations.Contains(article.Id));
        }
        applied = events[^1].Id;
        if (events.Count < SmallBatch || DateTime.UtcNow - lastRefresh >= BulkRefreshInterval) Refresh();
        return events.Count;
    }

    /// <summary>What the index holds of these articles, read from the database (saved-search matching reads the same).</summary>
    public static async Task<List<IndexedArticle>> LoadAsync(TrackerDb db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        // Only what the index holds: the stored HTML is not needed here.
        var flags = (await db.Flags.AsNoTracking().Active().Where(f => ids.Contains(f.ArticleId))
            .Select(f => new { f.ArticleId, f.Kind }).ToListAsync(ct)).ToLookup(f => f.ArticleId, f => f.Kind);
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Text, Domain = a.Source == null ? null : a.Source.Domain, Name = a.Source == null ? null : a.Source.Name, a.Author, a.PublishedAt, a.IngestedAt })
            .ToListAsync(ct);
        var entities = (await db.ArticleEntities.AsNoTracking().Where(l => ids.Contains(l.ArticleId) && l.Origin != Entities.EntityOrigin.Removed)
            .Select(l => new { l.ArticleId, l.Entity!.Name }).ToListAsync(ct)).ToLookup(l => l.ArticleId, l => l.Name);
        var clusters = await db.StoryMembers.AsNoTracking().Where(m => ids.Contains(m.ArticleId) && m.ClusterId != null)
            .ToDictionaryAsync(m => m.ArticleId, m => m.ClusterId, ct);
        var claims = (await db.Claims.AsNoTracking().Where(c => ids.Contains(c.ArticleId) && c.Suggestion == Claims.SuggestionStates.Accepted)
            .Select(c => new { c.ArticleId, c.Status }).ToListAsync(ct)).ToLookup(c => c.ArticleId, c => c.Status);
        // Private annotations never reach the index: only the team's tags are searchable.
        var tags = (await db.Annotations.AsNoTracking().Where(n => ids.Contains(n.ArticleId) && n.Visibility == Annotations.AnnotationVisibility.Team)
            .Select(n => new { n.ArticleId, n.Tags }).ToListAsync(ct)).ToLookup(n => n.ArticleId, n => n.Tags);
        return [.. rows.Select(a => new IndexedArticle(a.Id, a.Title, a.Text, a.Domain, a.Name, a.Author, a.PublishedAt, a.IngestedAt, [.. flags[a.Id]])
        {
            Entities = [.. entities[a.Id]],
            ClusterId = clusters.GetValueOrDefault(a.Id),
            ClaimStatuses = [.. claims[a.Id]],
            Tags = [.. tags[a.Id].SelectMany(t => t)],
        })];
    }

    void Refresh()
    {
        index.Refresh(applied);
        lastRefresh = DateTime.UtcNow;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        index.Commit();
    }
}
