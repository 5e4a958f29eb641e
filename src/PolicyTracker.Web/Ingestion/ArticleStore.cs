using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// The last step of every way in: cleans a draft, finds exact duplicates, files the source,
/// and stores the article, its first revision, its snapshot and its event in one transaction.
/// A known address fetched again with changed text becomes a new revision of that article.
/// </summary>
public sealed class ArticleStore(TrackerDb db, CanonicalHtml canonical)
{
    /// <summary>Stores the draft, or returns the article it duplicates; throws <see cref="InvalidDraftException"/> for bad input.</summary>
    public async Task<IngestOutcome> AddAsync(ArticleDraft draft, CancellationToken ct = default)
    {
        try
        {
            return await TryAddAsync(draft, ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent ingest stored the same article or a new source a moment earlier;
            // the second attempt finds it and files the draft accordingly.
            db.ChangeTracker.Clear();
            return await TryAddAsync(draft, ct);
        }
    }

    async Task<IngestOutcome> TryAddAsync(ArticleDraft draft, CancellationToken ct)
    {
        var title = draft.Title.Trim();
        if (title.Length == 0) throw new InvalidDraftException("title", "The article has no title.");
        if (title.Length > 1000) throw new InvalidDraftException("title", "The title is longer than 1,000 characters.");
        if (draft.Url is not null && UrlNormalizer.ParseHttp(draft.Url) is null)
            throw new InvalidDraftException("url", $"'{draft.Url}' is not an absolute http or https address.");

        var (html, text) = canonical.Clean(ContentFormats.ToHtml(draft.Content, draft.ContentType));
        if (text.Trim().Length == 0) throw new InvalidDraftException("content", "The article has no text.");

        var hash = TokenText.Hash(text);
        var canonicalUrl = UrlNormalizer.Canonical(draft.Url);
        var existing = await db.Articles.AsNoTracking()
            .Where(a => a.ContentHash == hash || (canonicalUrl != null && a.CanonicalUrl == canonicalUrl))
            .Select(a => new { a.Id, a.Title, a.ContentHash })
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            // Only a fresh fetch of the same address revises an article; anything else is a duplicate.
            return draft.IsFetched && existing.ContentHash != hash
                ? await ReviseAsync(existing.Id, title, html, text, hash, draft, ct)
                : new IngestOutcome(existing.Id, existing.Title, IngestStatus.Duplicate);
        }

        var article = new Article
        {
            Title = title,
            Url = draft.Url?.Trim(),
            CanonicalUrl = canonicalUrl,
            Source = await SourceForAsync(draft, ct),
            Author = string.IsNullOrWhiteSpace(draft.Author) ? null : draft.Author.Trim(),
            PublishedAt = draft.PublishedAt,
            Html = html,
            Text = text,
            ContentHash = hash,
        };
        // The event and the revision need the article's id, so the saves share one transaction.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Articles.Add(article);
            var snapshot = AddSnapshot(draft.Snapshot, article);
            await db.SaveChangesAsync(ct);
            db.Revisions.Add(RevisionOf(article.Id, 1, title, html, text, hash, snapshot?.Id ?? draft.SharedSnapshotId));
            db.Events.Add(TrackerEvent.Create(EventTypes.ArticleIngested, article.Id,
                new { article.Id, article.Title, source = article.Source?.Name, article.PublishedAt }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear(); // long imports reuse one context
        return new IngestOutcome(article.Id, article.Title, IngestStatus.Created);
    }

    async Task<IngestOutcome> ReviseAsync(int articleId, string title, string html, string text, string hash, ArticleDraft draft, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var article = await db.Articles.FirstAsync(a => a.Id == articleId, ct);
        var number = await db.Revisions.Where(r => r.ArticleId == articleId).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        var snapshot = AddSnapshot(draft.Snapshot, article);
        await db.SaveChangesAsync(ct);
        db.Revisions.Add(RevisionOf(articleId, number + 1, title, html, text, hash, snapshot?.Id ?? draft.SharedSnapshotId));
        (article.Title, article.Html, article.Text, article.ContentHash) = (title, html, text, hash);
        db.Events.Add(TrackerEvent.Create(EventTypes.ArticleUpdated, articleId, new { id = articleId, title, revision = number + 1 }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new IngestOutcome(articleId, title, IngestStatus.Updated);
    }

    Snapshot? AddSnapshot(SnapshotDraft? draft, Article article)
    {
        if (draft is null) return null;
        var snapshot = new Snapshot
        {
            Url = draft.Url,
            FinalUrl = draft.FinalUrl,
            FetchedAt = draft.FetchedAt,
            StatusCode = draft.StatusCode,
            MediaType = draft.MediaType,
            Charset = draft.Charset,
            Headers = JsonSerializer.Serialize(draft.Headers),
            Body = draft.Body,
            Sha256 = draft.Sha256,
            Article = article,
        };
        db.Snapshots.Add(snapshot);
        return snapshot;
    }

    static ArticleRevision RevisionOf(int articleId, int number, string title, string html, string text, string hash, int? snapshotId) => new()
    {
        ArticleId = articleId,
        Number = number,
        Title = title,
        Html = html,
        Text = text,
        Sha256 = hash,
        SnapshotId = snapshotId,
    };

    async Task<Source?> SourceForAsync(ArticleDraft draft, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(draft.SourceName) ? null : draft.SourceName.Trim();
        var domain = UrlNormalizer.Domain(draft.Url);
        if (domain is null && name is null) return null;

        var known = domain is not null
            ? await db.Sources.FirstOrDefaultAsync(s => s.Domain == domain, ct)
            : await db.Sources.FirstOrDefaultAsync(s => s.Name.ToLower() == name!.ToLower(), ct);
        if (known is not null) return known;

        var source = new Source { Name = name ?? domain!, Domain = domain ?? Slug(name!), Discovered = true };
        db.Sources.Add(source);
        return source;
    }

    static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
}

/// <summary>A draft that cannot become an article; <see cref="Field"/> names what is wrong.</summary>
public sealed class InvalidDraftException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
