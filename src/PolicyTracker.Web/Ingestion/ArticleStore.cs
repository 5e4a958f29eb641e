using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;
using PolicyTracker.Web.Provenance;

namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// The last step of every way in: cleans drafts (in parallel), finds exact duplicates, files
/// sources, and stores each article with its first revision, its snapshot and its event.
/// Drafts are stored in batches, one transaction per batch, so bulk imports do not pay a
/// commit per article; a known address fetched again with changed text becomes a new revision.
/// </summary>
public sealed class ArticleStore(TrackerDb db, CanonicalHtml canonical, ArticleReader reader, ProvenanceEngine provenance, Stories.StoryClustering stories, Entities.Gazetteer gazetteer, EventSignal signal)
{
    const int BatchSize = 100;
    readonly SourceFiling sources = new(db);
    readonly Entities.EntityLinking entities = new(db);
    readonly List<Stories.StoryItem> revised = [];
    readonly RowInserts rows = new(db);

    /// <summary>Stores the draft, or returns the article it duplicates; throws <see cref="InvalidDraftException"/> for bad input.</summary>
    public async Task<IngestOutcome> AddAsync(ArticleDraft draft, CancellationToken ct = default)
    {
        var result = (await AddManyAsync([draft], ct))[0];
        return result.Outcome ?? throw result.Error!;
    }

    /// <summary>Stores many drafts; each gets an outcome or its reason, in the order given.</summary>
    public async Task<IReadOnlyList<DraftOutcome>> AddManyAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken ct = default)
    {
        var results = new List<DraftOutcome>(drafts.Count);
        await foreach (var outcome in AddAllAsync(drafts, ct)) results.Add(outcome);
        return results;
    }

    /// <summary>
    /// Stores a stream of drafts (a long import), yielding each one's outcome or reason in the order
    /// given. Cleaning runs ahead of storing, in parallel, for the whole stream: the next batches are
    /// prepared (CPU) while this one is stored (database), so neither waits for the other. The
    /// provenance rules and the gazetteer are read once, when the stream starts.
    /// </summary>
    public async IAsyncEnumerable<DraftOutcome> AddAllAsync(IEnumerable<ArticleDraft> drafts, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rules = await db.ProvenanceRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(ct);
        var matcher = await gazetteer.MatcherAsync(db, ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // At most two batches wait, cleaned, for the store: enough to keep it busy, bounded in memory.
        var ready = Channel.CreateBounded<PreparedBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var preparing = Task.Run(async () =>
        {
            try
            {
                foreach (var chunk in drafts.Chunk(BatchSize))
                    await ready.Writer.WriteAsync(Prepare(chunk, rules, matcher, stop.Token), stop.Token);
                ready.Writer.Complete();
            }
            catch (Exception e)
            {
                ready.Writer.Complete(e);
            }
        }, stop.Token);
        try
        {
            await foreach (var batch in ready.Reader.ReadAllAsync(ct))
            {
                foreach (var outcome in await StoreAsync(batch, ct)) yield return outcome;
            }
        }
        finally
        {
            // A caller that stops reading early stops the cleaning too.
            await stop.CancelAsync();
            await preparing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    sealed record PreparedBatch(PreparedArticle?[] Articles, InvalidDraftException?[] Errors);

    PreparedBatch Prepare(ArticleDraft[] drafts, IReadOnlyList<Provenance.ProvenanceRule> rules, Entities.EntityMatcher matcher, CancellationToken ct)
    {
        var batch = new PreparedBatch(new PreparedArticle?[drafts.Length], new InvalidDraftException?[drafts.Length]);
        Parallel.For(0, drafts.Length, new ParallelOptions { CancellationToken = ct }, i =>
        {
            try
            {
                var p = PreparedArticle.From(drafts[i], canonical);
                batch.Articles[i] = p with
                {
                    ContentFlags = provenance.EvaluateContent(p.Facts(), rules),
                    StorySignature = Stories.StorySignature.Of(p.Text),
                    Entities = matcher.Find(p.Text),
                    CandidateClaims = Claims.ClaimFinder.Find(p.Text),
                };
            }
            catch (InvalidDraftException e) { batch.Errors[i] = e; }
        });
        return batch;
    }

    async Task<DraftOutcome[]> StoreAsync(PreparedBatch prepared, CancellationToken ct)
    {
        var results = prepared.Errors.Select(e => new DraftOutcome(null, e)).ToArray();
        var batch = Enumerable.Range(0, prepared.Articles.Length).Where(i => prepared.Articles[i] is not null).ToList();
        if (batch.Count == 0) return results;
        IReadOnlyList<IngestOutcome> stored;
        try
        {
            stored = await StoreBatchAsync(batch.Select(i => prepared.Articles[i]!).ToList(), ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // A concurrent ingest stored one of these articles or sources a moment earlier;
            // a second pass finds them and files each draft accordingly.
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            rows.Dispose();
            sources.EndBatch(committed: false);
            revised.Clear();
            stored = await StoreBatchAsync(batch.Select(i => prepared.Articles[i]!).ToList(), ct);
        }
        for (var k = 0; k < batch.Count; k++) results[batch[k]] = new DraftOutcome(stored[k], null);
        return results;
    }

    async Task<IReadOnlyList<IngestOutcome>> StoreBatchAsync(List<PreparedArticle> batch, CancellationToken ct)
    {
        var hashes = batch.Select(p => p.Hash).Distinct().ToList();
        var urls = batch.Select(p => p.CanonicalUrl).OfType<string>().Distinct().ToList();
        var known = await db.Articles.AsNoTracking()
            .Where(a => hashes.Contains(a.ContentHash) || (a.CanonicalUrl != null && urls.Contains(a.CanonicalUrl)))
            .Select(a => new KnownArticle(a.Id, a.Title, a.ContentHash, a.CanonicalUrl))
            .ToListAsync(ct);

        var outcomes = new IngestOutcome?[batch.Count];
        // Only new entities are added below; scanning the tracker for edits on every Add is wasted work.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var added = new List<(int Index, Article Article)>();
        var placed = new List<Stories.StoryItem>();
        var changed = new List<int>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var p = batch[i];
                var match = known.FirstOrDefault(k => k.Hash == p.Hash) ?? known.FirstOrDefault(k => p.CanonicalUrl != null && k.CanonicalUrl == p.CanonicalUrl);
                if (match is { Pending: not null }) continue; // filled in once the first copy has its id
                if (match is not null)
                {
                    // Only a fresh fetch of the same address revises an article; anything else is a duplicate.
                    outcomes[i] = p.Draft.IsFetched && match.Hash != p.Hash && match.Id > 0
                        ? await ReviseAsync(match.Id, p, ct)
                        : new IngestOutcome(match.Id, match.Title, IngestStatus.Duplicate);
                    continue;
                }
                var article = new Article
                {
                    Title = p.Title,
                    Url = p.Draft.Url?.Trim(),
                    CanonicalUrl = p.CanonicalUrl,
                    Author = string.IsNullOrWhiteSpace(p.Draft.Author) ? null : p.Draft.Author.Trim(),
                    PublishedAt = p.Draft.PublishedAt,
                    Html = p.Html,
                    Text = p.Text,
                    ContentHash = p.Hash,
                };
                await sources.FileAsync(article, p.Draft, ct);
                added.Add((i, article));
                // Later drafts of this batch with the same text or address are duplicates of this one.
                known.Add(new KnownArticle(0, p.Title, p.Hash, p.CanonicalUrl) { Pending = article });
            }
            if (added.Count > 0)
            {
                // Sources first seen in this batch get their ids before the articles that name them.
                if (db.ChangeTracker.Entries<Source>().Any(e => e.State == EntityState.Added)) await db.SaveChangesAsync(ct);
                // New articles and the rows that hang on them go in through prepared inserts (see RowInserts).
                foreach (var (_, article) in added)
                {
                    if (article.Source is { } fresh) article.SourceId = fresh.Id;
                    await rows.AddAsync(article, ct);
                }
                var snapshots = new Dictionary<int, int>();
                foreach (var (index, article) in added)
                {
                    if (batch[index].Draft.Snapshot is not { } draft) continue;
                    var snapshot = Snapshot.From(draft);
                    snapshot.ArticleId = article.Id;
                    await rows.AddAsync(snapshot, ct);
                    snapshots[article.Id] = snapshot.Id;
                }
                placed = [.. added.Select(x => new Stories.StoryItem(x.Article.Id, x.Article.PublishedAt, x.Article.IngestedAt, x.Article.Text, batch[x.Index].StorySignature))];
                foreach (var joined in await stories.PlaceAsync(db, placed, ct))
                {
                    await rows.AddAsync(TrackerEvent.Create(EventTypes.ArticleUpdated, joined, new { id = joined, reason = "joined a story" }), ct);
                    changed.Add(joined);
                }
                await entities.SetFoundAsync([.. added.Select(x => (x.Article.Id, x.Article.Text, batch[x.Index].Entities))], ct);
                foreach (var (index, article) in added)
                {
                    var p = batch[index];
                    await rows.AddAsync(RevisionOf(article.Id, 1, p, snapshots.TryGetValue(article.Id, out var snapshotId) ? snapshotId : p.Draft.SharedSnapshotId), ct);
                    var (credibility, rated) = sources.RatingOf(article);
                    foreach (var flag in FlagSync.New(article.Id, [.. p.ContentFlags, .. ProvenanceEngine.SourceFlags(credibility, rated)])) await rows.AddAsync(flag, ct);
                    foreach (var claim in Claims.ClaimSuggestions.New(article.Id, p.Text, p.CandidateClaims)) await rows.AddAsync(claim, ct);
                    await rows.AddAsync(TrackerEvent.Create(EventTypes.ArticleIngested, article.Id,
                        new { article.Id, article.Title, source = sources.NameOf(article), article.PublishedAt }), ct);
                    changed.Add(article.Id);
                }
                // Story memberships and any new stories, which story placement tracked.
                await db.SaveChangesAsync(ct);
                signal.ChangedArticles(changed);
            }
            await tx.CommitAsync(ct);
        }
        rows.Dispose(); // its commands belong to the transaction just ended
        // As the save interceptor does for tracked events: caches of these articles drop them now, and followers wake.
        signal.ChangedArticles(changed);
        stories.Committed([.. placed, .. revised], db);
        revised.Clear();
        // Readers must not keep serving the version a revision replaced.
        reader.Forget(outcomes.Where(o => o?.Status == IngestStatus.Updated).Select(o => o!.ArticleId));
        foreach (var (index, article) in added) outcomes[index] = new IngestOutcome(article.Id, article.Title, IngestStatus.Created);
        for (var i = 0; i < batch.Count; i++)
        {
            // Duplicates of an article added in this same batch learn its id now.
            if (outcomes[i] is null && known.FirstOrDefault(k => k.Pending is not null && (k.Hash == batch[i].Hash || (batch[i].CanonicalUrl != null && k.CanonicalUrl == batch[i].CanonicalUrl))) is { Pending: { } first })
                outcomes[i] = new IngestOutcome(first.Id, first.Title, IngestStatus.Duplicate);
        }
        db.ChangeTracker.Clear(); // long imports reuse one context
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        sources.EndBatch(committed: true);
        return outcomes!;
    }

    async Task<IngestOutcome> ReviseAsync(int articleId, PreparedArticle p, CancellationToken ct)
    {
        var article = await db.Articles.FirstAsync(a => a.Id == articleId, ct);
        var previous = await db.Revisions.Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        var number = previous?.Number ?? 0;
        if (previous is not null && previous.Html is null)
        {
            // The superseded version now keeps its own copy of the content.
            (previous.Html, previous.Text) = (article.Html, article.Text);
        }
        var snapshot = AddSnapshot(p.Draft.Snapshot, article);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.Revisions.Add(RevisionOf(articleId, number + 1, p, snapshot?.Id ?? p.Draft.SharedSnapshotId));
        (article.Title, article.Html, article.Text, article.ContentHash) = (p.Title, p.Html, p.Text, p.Hash);
        var source = article.SourceId is int sourceId ? await db.Sources.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sourceId, ct) : null;
        await FlagSync.ReplaceAsync(db, articleId,
            [.. p.ContentFlags, .. ProvenanceEngine.SourceFlags(source?.Credibility, source?.KnownToEditors == true)],
            $"not raised by revision {number + 1}", ct);
        await Claims.ClaimSuggestions.ReanchorAsync(db, articleId, p.Text, p.CandidateClaims, ct);
        await Annotations.AnnotationAnchoring.ReanchorAsync(db, articleId, p.Text, ct);
        db.Events.Add(TrackerEvent.Create(EventTypes.ArticleUpdated, articleId, new { id = articleId, title = p.Title, revision = number + 1 }));
        // A revised article keeps its story (and any editor's decision); one that stood alone may now join one.
        var item = new Stories.StoryItem(articleId, article.PublishedAt, article.IngestedAt, p.Text, p.StorySignature);
        foreach (var joined in await stories.PlaceAsync(db, [item], ct))
            db.Events.Add(TrackerEvent.Create(EventTypes.ArticleUpdated, joined, new { id = joined, reason = "joined a story" }));
        revised.Add(item);
        await entities.SetFoundAsync([(articleId, p.Text, p.Entities)], ct);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return new IngestOutcome(articleId, p.Title, IngestStatus.Updated);
    }

    Snapshot? AddSnapshot(SnapshotDraft? draft, Article article)
    {
        if (draft is null) return null;
        var snapshot = Snapshot.From(draft, article);
        db.Snapshots.Add(snapshot);
        return snapshot;
    }

    // The newest revision's content is the article's own, so it is not stored twice.
    static ArticleRevision RevisionOf(int articleId, int number, PreparedArticle p, int? snapshotId) => new()
    {
        ArticleId = articleId,
        Number = number,
        Title = p.Title,
        Sha256 = p.Hash,
        SnapshotId = snapshotId,
    };

    sealed record KnownArticle(int Id, string Title, string Hash, string? CanonicalUrl)
    {
        /// <summary>Set for an article added earlier in the same batch (its id comes with the save).</summary>
        public Article? Pending { get; init; }
    }
}

/// <summary>A draft that cannot become an article; <see cref="Field"/> names what is wrong.</summary>
public sealed class InvalidDraftException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
