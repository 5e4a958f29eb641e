using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.Claims;

/// <summary>Why a claim action did not happen; each maps to one HTTP status.</summary>
public enum DeskError { None, NotFound, Invalid, Forbidden, Stale, PreconditionRequired, Conflict }

/// <summary>The claim after an action, or why the action was refused (with the current claim for a stale version).</summary>
public sealed record DeskOutcome(Claim? Claim, DeskError Error = DeskError.None, string? Message = null)
{
    public static DeskOutcome Fail(DeskError error, string message, Claim? current = null) => new(current, error, message);
}

/// <summary>
/// Every change to a claim: proposing, accepting or dismissing a suggestion, ruling, signing off
/// and assigning. Each change writes its audit entry and its <c>claimUpdated</c> event in the same
/// transaction, and raises the claim's version so a ruling made on a stale copy fails.
/// </summary>
public sealed class ClaimDesk(TrackerDb db, ClaimsSettings settings, ClaimRulingCheck check, Articles.ArticleReader reader)
{
    /// <summary>A member proposes a claim from a selection of the article's text.</summary>
    public async Task<DeskOutcome> ProposeAsync(int articleId, ProposeClaimRequest request, ClaimsPrincipal member, CancellationToken ct)
    {
        var text = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => a.Text).FirstOrDefaultAsync(ct);
        if (text is null) return DeskOutcome.Fail(DeskError.NotFound, $"Article {articleId} does not exist.");
        var quote = request.Selector?.FirstOrDefault(s => s.Type == SelectorDto.Quote);
        var position = request.Selector?.FirstOrDefault(s => s.Type == SelectorDto.Position);
        if (quote is null && position is null)
            return DeskOutcome.Fail(DeskError.Invalid, "Give a TextQuoteSelector and/or a TextPositionSelector for the claim's span.");
        var span = ClaimAnchor.Resolve(text, quote?.Exact, quote?.Prefix, quote?.Suffix, position?.Start, position?.End);
        if (span is null) return DeskOutcome.Fail(DeskError.Invalid, "The selected text is not in the article.");
        if (span.Exact.Trim().Length == 0) return DeskOutcome.Fail(DeskError.Invalid, "The selection is empty.");
        if (span.Exact.Length > 4000) return DeskOutcome.Fail(DeskError.Invalid, "A claim is at most 4,000 characters long.");
        var note = request.Note?.Trim();
        if (note?.Length > 4000) return DeskOutcome.Fail(DeskError.Invalid, "The note is longer than 4,000 characters.");

        var existing = await db.Claims.FirstOrDefaultAsync(c => c.ArticleId == articleId && c.Start == span.Start && c.End == span.End, ct);
        if (existing is { Suggestion: SuggestionStates.Accepted })
            return DeskOutcome.Fail(DeskError.Conflict, $"This text is already claim {existing.Id}.", existing);
        var claim = existing ?? new Claim { ArticleId = articleId, Exact = span.Exact };
        (claim.Prefix, claim.Suffix, claim.Start, claim.End, claim.Orphaned) = (span.Prefix, span.Suffix, span.Start, span.End, false);
        claim.Suggestion = SuggestionStates.Accepted;
        (claim.ProposedById, claim.ProposedByName) = (IdOf(member), NameOf(member));
        if (existing is null) db.Claims.Add(claim);
        else Touch(claim);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct); // the audit entry and event need the claim's id
            Record(claim, "proposed", null, claim.Status, note, "[]", member);
            db.Events.Add(ClaimEvents.Updated(claim, "proposed", NameOf(member)));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An Editor accepted or dismissed the same suggestion a moment earlier; nothing was written.
            return DeskOutcome.Fail(DeskError.Conflict, "That sentence changed while you proposed it; reload and try again.");
        }
        reader.Forget([articleId]); // the article's JSON lists its claims
        return new DeskOutcome(claim);
    }

    /// <summary>An Editor accepts a suggestion, which becomes an unverified claim.</summary>
    public Task<DeskOutcome> AcceptAsync(int claimId, int? ifMatch, ClaimsPrincipal editor, CancellationToken ct) =>
        ChangeAsync(claimId, ifMatch, editor, ct, claim =>
        {
            if (claim.Suggestion != SuggestionStates.Suggested) return "Only a suggestion can be accepted.";
            claim.Suggestion = SuggestionStates.Accepted;
            Record(claim, "accepted", null, claim.Status, null, "[]", editor);
            return null;
        });

    /// <summary>An Editor dismisses a suggestion (it stays stored, out of the lists).</summary>
    public Task<DeskOutcome> DismissAsync(int claimId, int? ifMatch, string? note, ClaimsPrincipal editor, CancellationToken ct) =>
        ChangeAsync(claimId, ifMatch, editor, ct, claim =>
        {
            if (claim.Suggestion != SuggestionStates.Suggested) return "Only a suggestion can be dismissed.";
            if (note?.Trim().Length > 4000) return "The note is longer than 4,000 characters.";
            claim.Suggestion = SuggestionStates.Dismissed;
            Record(claim, "dismissed", null, null, note?.Trim(), "[]", editor);
            return null;
        });

    /// <summary>An Editor rules on a claim; under the two-person rule verified and false wait for sign-off.</summary>
    public async Task<DeskOutcome> RuleAsync(int claimId, int? ifMatch, RuleClaimRequest request, ClaimsPrincipal editor, CancellationToken ct)
    {
        var (status, note, evidence, error) = await check.CheckAsync(request, ct);
        if (error is not null) return DeskOutcome.Fail(DeskError.Invalid, error);
        return await ChangeAsync(claimId, ifMatch, editor, ct, claim =>
        {
            if (claim.Suggestion != SuggestionStates.Accepted) return "Accept the suggestion before ruling on it.";
            if (claim.Status == ClaimStatuses.PendingSignoff) return "The claim is waiting for sign-off: confirm or reject the pending ruling first.";
            var from = claim.Status;
            (claim.Note, claim.Evidence) = (note, EvidenceItem.Serialize(evidence));
            if (ClaimStatuses.IsConclusive(status!) && settings.RequireSecondEditor)
            {
                (claim.Status, claim.PendingStatus, claim.PendingFrom, claim.PendingById) = (ClaimStatuses.PendingSignoff, status, from, IdOf(editor));
                Record(claim, "submitted", from, ClaimStatuses.PendingSignoff, note, claim.Evidence, editor);
            }
            else
            {
                claim.Status = status!;
                claim.RuledAt = DateTime.UtcNow;
                Record(claim, "ruled", from, status, note, claim.Evidence, editor);
            }
            return null;
        }, requireVersion: true);
    }

    /// <summary>A second Editor confirms or rejects a pending ruling; the Editor who made it may not.</summary>
    public async Task<DeskOutcome> SignOffAsync(int claimId, int? ifMatch, SignOffRequest request, ClaimsPrincipal editor, CancellationToken ct)
    {
        var note = request.Note?.Trim();
        if (!request.Approve && string.IsNullOrEmpty(note)) return DeskOutcome.Fail(DeskError.Invalid, "Give a note saying why the ruling is rejected.");
        if (note?.Length > 4000) return DeskOutcome.Fail(DeskError.Invalid, "The note is longer than 4,000 characters.");
        var pending = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (pending is { Status: ClaimStatuses.PendingSignoff } && pending.PendingById == IdOf(editor))
            return DeskOutcome.Fail(DeskError.Forbidden, "A different Editor must sign off your own ruling.", pending);
        return await ChangeAsync(claimId, ifMatch, editor, ct, claim =>
        {
            if (claim.Status != ClaimStatuses.PendingSignoff) return "The claim is not waiting for sign-off.";
            var to = request.Approve ? claim.PendingStatus! : claim.PendingFrom ?? ClaimStatuses.Unverified;
            claim.Status = to;
            if (request.Approve) claim.RuledAt = DateTime.UtcNow;
            (claim.PendingStatus, claim.PendingFrom, claim.PendingById) = (null, null, null);
            Record(claim, request.Approve ? "signed-off" : "rejected", ClaimStatuses.PendingSignoff, to, note, request.Approve ? claim.Evidence : "[]", editor);
            return null;
        }, requireVersion: true);
    }

    /// <summary>An Editor takes a claim for review.</summary>
    public Task<DeskOutcome> AssignToMeAsync(int claimId, ClaimsPrincipal editor, CancellationToken ct) =>
        ChangeAsync(claimId, null, editor, ct, claim =>
        {
            (claim.AssignedToId, claim.AssignedToName) = (IdOf(editor), NameOf(editor));
            Record(claim, "assigned", null, null, $"Assigned to {claim.AssignedToName}", "[]", editor);
            return null;
        });

    // Rulings and sign-offs must name the version they were made on (If-Match); the rest may omit it.
    async Task<DeskOutcome> ChangeAsync(int claimId, int? ifMatch, ClaimsPrincipal user, CancellationToken ct, Func<Claim, string?> change, bool requireVersion = false)
    {
        var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null) return DeskOutcome.Fail(DeskError.NotFound, $"Claim {claimId} does not exist.");
        if (requireVersion && ifMatch is null) return DeskOutcome.Fail(DeskError.PreconditionRequired, "Send If-Match with the claim's ETag.");
        if (ifMatch is int expected && expected != claim.Version)
            return DeskOutcome.Fail(DeskError.Stale, "The claim changed since you loaded it; here is its current state.", claim);
        if (change(claim) is { } refusal) return DeskOutcome.Fail(DeskError.Invalid, refusal, claim);
        Touch(claim);
        db.Events.Add(ClaimEvents.Updated(claim, lastAction, NameOf(user)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another Editor's change committed between our read and our write.
            db.ChangeTracker.Clear();
            var current = await db.Claims.AsNoTracking().FirstAsync(c => c.Id == claimId, ct);
            return DeskOutcome.Fail(DeskError.Stale, "Another change to the claim was saved first; here is its current state.", current);
        }
        reader.Forget([claim.ArticleId]); // the article's JSON lists its claims
        return new DeskOutcome(claim);
    }

    static void Touch(Claim claim)
    {
        claim.Version++;
        claim.UpdatedAt = DateTime.UtcNow;
    }

    void Record(Claim claim, string action, string? from, string? to, string? note, string evidence, ClaimsPrincipal user)
    {
        db.ClaimAudits.Add(new ClaimAudit
        {
            ClaimId = claim.Id, ArticleId = claim.ArticleId, Action = action, FromStatus = from, ToStatus = to,
            Note = note, Evidence = evidence, UserId = IdOf(user), UserName = NameOf(user),
        });
        lastAction = action;
    }

    string lastAction = "";

    static string? IdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(Accounts.TrackerClaims.DisplayName) ?? user.Identity?.Name ?? "";
}

/// <summary>The <c>claimUpdated</c> event.</summary>
public static class ClaimEvents
{
    /// <summary>A claimUpdated event carrying what viewers need to redraw the claim.</summary>
    public static TrackerEvent Updated(Claim c, string action, string by) => TrackerEvent.Create(EventTypes.ClaimUpdated, c.ArticleId, new
    {
        claimId = c.Id, action, by, c.Status, c.Suggestion, c.PendingStatus, c.Orphaned, c.Exact, c.Start, c.End, c.Version,
    });
}
