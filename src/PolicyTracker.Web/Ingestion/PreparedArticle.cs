using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Ingestion;

/// <summary>A draft checked and cleaned: the CPU-bound half of ingest, safe to run in parallel.</summary>
public sealed record PreparedArticle(ArticleDraft Draft, string Title, string Html, string Text, string Hash, string? CanonicalUrl)
{
    /// <summary>The provenance flags that depend on the article alone (its source is filed later).</summary>
    public IReadOnlyList<Provenance.FlagDraft> ContentFlags { get; init; } = [];

    /// <summary>Sentences suggested as claims.</summary>
    public IReadOnlyList<Claims.CandidateClaim> CandidateClaims { get; init; } = [];
    /// <summary>The MinHash signature for story clustering (computed here, in the parallel step).</summary>
    public uint[] StorySignature { get; init; } = [];

    /// <summary>The entities found in the text (UTF-16 spans; stored in code points).</summary>
    public IReadOnlyList<Entities.FoundEntity> Entities { get; init; } = [];

    /// <summary>What the provenance rules look at, the source aside.</summary>
    public Provenance.ArticleFacts Facts(Articles.Credibility? credibility = null, bool sourceKnown = true) => new(
        Text, Draft.Author, Draft.PublishedAt, credibility, sourceKnown,
        Draft.Snapshot?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true ? Draft.Snapshot.Body : null,
        Draft.Snapshot?.Headers) { CodeRanges = Provenance.CodeRanges.Find(Html) };

    /// <summary>Checks and cleans the draft; throws <see cref="InvalidDraftException"/> naming what is wrong.</summary>
    public static PreparedArticle From(ArticleDraft draft, CanonicalHtml canonical)
    {
        var title = draft.Title.Trim();
        if (title.Length == 0) throw new InvalidDraftException("title", "The article has no title.");
        if (title.Length > 1000) throw new InvalidDraftException("title", "The title is longer than 1,000 characters.");
        if (draft.Url is not null && UrlNormalizer.ParseHttp(draft.Url) is null)
            throw new InvalidDraftException("url", $"'{draft.Url}' is not an absolute http or https address.");

        var (html, text) = canonical.Clean(ContentFormats.ToHtml(draft.Content, draft.ContentType));
        if (text.Trim().Length == 0) throw new InvalidDraftException("content", "The article has no text.");
        return new PreparedArticle(draft, title, html, text, TokenText.Hash(text), UrlNormalizer.Canonical(draft.Url));
    }
}

/// <summary>What happened to one draft of a batch: an outcome, or the reason it was refused.</summary>
public sealed record DraftOutcome(IngestOutcome? Outcome, InvalidDraftException? Error);
