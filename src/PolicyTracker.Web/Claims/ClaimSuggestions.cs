using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Claims;

/// <summary>What ingest does with claims: stores candidates as suggestions, and re-anchors claims on a new revision.</summary>
public static class ClaimSuggestions
{
    /// <summary>Adds the candidates found in a new article as suggestions (saved with the article's batch).</summary>
    public static void AddNew(TrackerDb db, int articleId, string text, IReadOnlyList<CandidateClaim> candidates)
    {
        foreach (var claim in New(articleId, text, candidates)) db.Claims.Add(claim);
    }

    /// <summary>The suggestion rows for a new article's candidates, for the caller to insert.</summary>
    public static IEnumerable<Claim> New(int articleId, string text, IReadOnlyList<CandidateClaim> candidates)
    {
        foreach (var c in candidates)
        {
            if (ClaimAnchor.At(text, c.Start, c.End) is not { } span) continue;
            yield return new Claim
            {
                ArticleId = articleId, Exact = span.Exact, Prefix = span.Prefix, Suffix = span.Suffix,
                Start = span.Start, End = span.End, Suggestion = SuggestionStates.Suggested,
            };
        }
    }

    /// <summary>
    /// Moves every claim of the article onto the revised text by its quote; a claim whose quote is
    /// gone is kept and reported orphaned. New candidates not already claimed become suggestions.
    /// </summary>
    public static async Task ReanchorAsync(TrackerDb db, int articleId, string text, IReadOnlyList<CandidateClaim> candidates, CancellationToken ct)
    {
        var claims = await db.Claims.Where(c => c.ArticleId == articleId).ToListAsync(ct);
        foreach (var claim in claims)
        {
            var span = ClaimAnchor.Reanchor(text, new Annotations.TextSelector(claim.Exact, claim.Prefix, claim.Suffix, claim.Start, claim.End));
            var wasOrphaned = claim.Orphaned;
            if (span is null) claim.Orphaned = true;
            else (claim.Prefix, claim.Suffix, claim.Start, claim.End, claim.Orphaned) = (span.Prefix, span.Suffix, span.Start, span.End, false);
            // Accepted claims record losing or finding their quote again; viewers hear about it.
            if (claim.Suggestion != SuggestionStates.Accepted || claim.Orphaned == wasOrphaned) continue;
            claim.Version++;
            claim.UpdatedAt = DateTime.UtcNow;
            var action = claim.Orphaned ? "orphaned" : "re-anchored";
            db.ClaimAudits.Add(new ClaimAudit
            {
                ClaimId = claim.Id, ArticleId = articleId, Action = action, UserName = "PolicyTracker",
                Note = claim.Orphaned ? "The quote is no longer in the article's newest revision." : "The quote is back in the article's newest revision.",
            });
            db.Events.Add(ClaimEvents.Updated(claim, action, "PolicyTracker"));
        }
        var known = claims.Select(c => c.Exact).ToHashSet(StringComparer.Ordinal);
        AddNew(db, articleId, text, [.. candidates.Where(c => !known.Contains(c.Exact))]);
    }
}
