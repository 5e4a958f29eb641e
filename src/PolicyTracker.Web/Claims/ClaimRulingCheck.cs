using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Claims;

/// <summary>Checks a ruling before it touches the claim: a known status, a note, and evidence where it is required.</summary>
public sealed class ClaimRulingCheck(TrackerDb db)
{
    /// <summary>The cleaned status, note and evidence, or the message saying what is wrong.</summary>
    public async Task<(string? Status, string? Note, IReadOnlyList<EvidenceItem> Evidence, string? Error)> CheckAsync(RuleClaimRequest request, CancellationToken ct)
    {
        var status = request.Status?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(status)) return Fail("Give a status.");
        if (status == ClaimStatuses.PendingSignoff)
            return Fail("pending_signoff is set by the two-person rule; rule verified or false instead.");
        if (!ClaimStatuses.All.Contains(status))
            return Fail($"'{request.Status}' is not a claim status; use one of {string.Join(", ", ClaimStatuses.All.Where(s => s != ClaimStatuses.PendingSignoff))}.");
        var note = request.Note?.Trim();
        if (string.IsNullOrEmpty(note)) return Fail("Every ruling needs a note.");
        if (note.Length > 4000) return Fail("The note is longer than 4,000 characters.");

        var evidence = new List<EvidenceItem>();
        foreach (var item in request.Evidence ?? [])
        {
            var url = item.Url?.Trim();
            var itemNote = item.Note?.Trim();
            if (string.IsNullOrEmpty(url) == (item.ArticleId is null))
                return Fail("Each evidence item is either a url or an articleId.");
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
                return Fail($"'{url}' is not an absolute http or https address.");
            if (item.ArticleId is int id && !await db.Articles.AnyAsync(a => a.Id == id, ct))
                return Fail($"Article {id} given as evidence does not exist.");
            if (string.IsNullOrEmpty(itemNote)) return Fail("Each evidence item needs a note saying what it shows.");
            if (itemNote.Length > 2000 || url?.Length > 2000) return Fail("Evidence notes and addresses are at most 2,000 characters.");
            evidence.Add(new EvidenceItem(url, item.ArticleId, itemNote));
        }
        if (evidence.Count > 20) return Fail("At most 20 evidence items per ruling.");
        if (ClaimStatuses.IsConclusive(status) && evidence.Count == 0)
            return Fail($"A {status} ruling needs at least one evidence item (a url or another article, with a note).");
        return (status, note, evidence, null);

        static (string?, string?, IReadOnlyList<EvidenceItem>, string?) Fail(string message) => (null, null, [], message);
    }
}
