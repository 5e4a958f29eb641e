using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// The last step of every way in: cleans a draft, finds exact duplicates, files the source,
/// and stores the article with its <c>articleIngested</c> event in one transaction.
/// </summary>
public sealed class ArticleStore(TrackerDb db, CanonicalHtml canonical)
{
    /// <summary>Stores the draft, or returns the article it duplicates; throws <see cref="InvalidDraftException"/> for bad input.</summary>
    public async Task<IngestOutcome> AddAsync(ArticleDraft draft, CancellationToken ct = default)
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
        if (await FindDuplicateAsync(hash, canonicalUrl, ct) is { } existing) return existing;

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
        db.Articles.Add(article);
        try
        {
            // The event needs the article's id, so both saves share one transaction.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.Events.Add(TrackerEvent.Create(EventTypes.ArticleIngested, article.Id,
                new { article.Id, article.Title, source = article.Source?.Name, article.PublishedAt }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request may have stored the same article a moment earlier.
            db.ChangeTracker.Clear();
            if (await FindDuplicateAsync(hash, canonicalUrl, ct) is { } raced) return raced;
            throw;
        }
        db.ChangeTracker.Clear(); // long imports reuse one context
        return new IngestOutcome(article.Id, article.Title, IngestStatus.Created);
    }

    async Task<IngestOutcome?> FindDuplicateAsync(string hash, string? canonicalUrl, CancellationToken ct)
    {
        var match = await db.Articles.AsNoTracking()
            .Where(a => a.ContentHash == hash || (canonicalUrl != null && a.CanonicalUrl == canonicalUrl))
            .Select(a => new { a.Id, a.Title })
            .FirstOrDefaultAsync(ct);
        return match is null ? null : new IngestOutcome(match.Id, match.Title, IngestStatus.Duplicate);
    }

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
