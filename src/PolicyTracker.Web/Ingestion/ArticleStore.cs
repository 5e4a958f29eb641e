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
public sealed class ArticleStore(TrackerDb db, CanonicalHtml canonical, ArticleReader reader, ProvenanceEngine provenance, Stories.StoryClustering stories, Entities.Gazetteer gazetteer)
{
    const int BatchSize = 100;
    readonly SourceFiling sources = new(db);
    readonly Entities.EntityLinking entities = new(db);
    readonly List<Stories.StoryItem> revised = [];

    /// <summary>Stores the draft, or returns the article it duplicates; throws <see cref="InvalidDraftException"/> for bad input.</summary>
    public async Task<IngestOutcome> AddAsync(ArticleDraft draft, CancellationToken ct = default)
    {
        var result = (await AddManyAsync([draft], ct))[0];
        return result.Outcome ?? throw result.Error!;
    }

    /// <summary>Stores many drafts; each gets an outcome or its reason, in the order given.</summary>
    public async Task<IReadOnlyList<DraftOutcome>> AddManyAsync(IReadOnlyList<ArticleDraft> drafts, CancellationToken ct = default)
    {
        var prepared = new PreparedArticle?[drafts.Count];
        var results = new DraftOutcome?[drafts.Count];
        var rules = await db.ProvenanceRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(ct);
        var matcher = await gazetteer.MatcherAsync(db, ct);
        Task Prepare(int start) => Task.Run(() => Parallel.For(start, Math.Min(start + BatchSize, drafts.Count), new ParallelOptions { CancellationToken = ct }, i =>
        {
            try
            {
                var p = PreparedArticle.From(drafts[i], canonical);
                prepared[i] = p with
                {
                    ContentFlags = provenance.EvaluateContent(p.Facts(), rules),
                    StorySignature = Stories.StorySignature.Of(p.Text),
                    Entities = matcher.Find(p.Text),
                    CandidateClaims = Claims.ClaimFinder.Find(p.Text),
                };
            }
            catch (InvalidDraftException e) { results[i] = new DraftOutcome(null, e); }
        }), ct);

        // Cleaning the next batch (CPU) overlaps storing this one (database).
        var preparing = Prepare(0);
        for (var start = 0; start < drafts.Count; start += BatchSize)
        {
            await preparing;
            if (start + BatchSize < drafts.Count) preparing = Prepare(start + BatchSize);
            var batch = Enumerable.Range(start, Math.Min(BatchSize, drafts.Count - start)).Where(i => prepared[i] is not null).ToList();
            if (batch.Count == 0) continue;
            IReadOnlyList<IngestOutcome> stored;
            try
            {
                stored = await StoreBatchAsync(batch.Select(i => prepared[i]!).ToList(), ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent ingest stored one of these articles or sources a moment earlier;
                // a second pass finds them and files each draft accordingly.
                db.ChangeTracker.Clear();
                db.ChangeTracker.AutoDetectChangesEnabled = true;
                sources.EndBatch(committed: false);
                revised.Clear();
                stored = await StoreBatchAsync(batch.Select(i => prepared[i]!).ToList(), ct);
            }
            for (var k = 0; k < batch.Count; k++) results[batch[k]] = new DraftOutcome(stored[k], null);
        }
        return results!;
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
        var added = new List<(int Index, Article Article, Snapshot? Snapshot)>();
        var placed = new List<Stories.StoryItem>();
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
                db.Articles.Add(article);
                added.Add((i, article, AddSnapshot(p.Draft.Snapshot, article)));
                // Later drafts of this batch with the same text or address are duplicates of this one.
                known.Add(new KnownArticle(0, p.Title, p.Hash, p.CanonicalUrl) { Pending = article });
            }
            if (added.Count > 0)
            {
                // Revisions and events need the articles' ids: a second save in the same transaction.
                await db.SaveChangesAsync(ct);
                placed = [.. added.Select(x => new Stories.StoryItem(x.Article.Id, x.Article.PublishedAt, x.Article.IngestedAt, x.Article.Text, batch[x.Index].StorySignature))];
                foreach (var joined in await stories.PlaceAsync(db, placed, ct))
                    db.Events.Add(TrackerEvent.Create(EventTypes.ArticleUpdated, joined, new { id = joined, reason = "joined a story" }));
                await entities.SetFoundAsync([.. added.Select(x => (x.Article.Id, x.Article.Text, batch[x.Index].Entities))], ct);
                foreach (var (index, article, snapshot) in added)
                {
                    var p = batch[index];
                    db.Revisions.Add(RevisionOf(article.Id, 1, p, snapshot?.Id ?? p.Draft.SharedSnapshotId));
                    var (credibility, rated) = sources.RatingOf(article);
                    FlagSync.AddNew(db, article.Id, [.. p.ContentFlags, .. ProvenanceEngine.SourceFlags(credibility, rated)]);
                    Claims.ClaimSuggestions.AddNew(db, article.Id, p.Text, p.CandidateClaims);
                    db.Events.Add(TrackerEvent.Create(EventTypes.ArticleIngested, article.Id,
                        new { article.Id, article.Title, source = sources.NameOf(article), article.PublishedAt }));
                }
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        stories.Committed([.. placed, .. revised], db);
        revised.Clear();
        // Readers must not keep serving the version a revision replaced.
        reader.Forget(outcomes.Where(o => o?.Status == IngestStatus.Updated).Select(o => o!.ArticleId));
        foreach (var (index, article, _) in added) outcomes[index] = new IngestOutcome(article.Id, article.Title, IngestStatus.Created);
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
