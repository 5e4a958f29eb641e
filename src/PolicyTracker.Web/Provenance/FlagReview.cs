using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;
using PolicyTracker.Web.Shared;

namespace PolicyTracker.Web.Provenance;

/// <summary>Editors dismiss a flag with a reason, or restore it; each step is audited and pushed live.</summary>
public sealed class FlagReview(TrackerDb db, ArticleReader reader)
{
    /// <summary>Dismisses (or, with <paramref name="dismiss"/> false, restores) a flag; null when it does not exist.</summary>
    public async Task<Result<Flag>?> SetDismissedAsync(int flagId, bool dismiss, string? reason, ClaimsPrincipal editor, CancellationToken ct)
    {
        var flag = await db.Flags.FirstOrDefaultAsync(f => f.Id == flagId, ct);
        if (flag is null) return null;
        reason = reason?.Trim();
        if (dismiss && string.IsNullOrEmpty(reason)) return Result<Flag>.Fail("Give a reason for dismissing the flag.");
        if (reason?.Length > 2000) return Result<Flag>.Fail("The reason is longer than 2,000 characters.");
        if (dismiss && flag.RetiredAt is not null) return Result<Flag>.Fail("The flag is no longer raised, so there is nothing to dismiss.");
        if (flag.Dismissed == dismiss) return Result<Flag>.Fail(dismiss ? "The flag is already dismissed." : "The flag is not dismissed.");

        (flag.Dismissed, flag.DismissReason) = (dismiss, dismiss ? reason : null);
        db.FlagAudits.Add(new FlagAudit
        {
            FlagId = flag.Id,
            ArticleId = flag.ArticleId,
            Action = dismiss ? "dismissed" : "restored",
            Reason = reason,
            UserId = editor.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            UserName = editor.FindFirstValue(Accounts.TrackerClaims.DisplayName) ?? editor.Identity?.Name ?? "",
        });
        db.Events.Add(TrackerEvent.Create(EventTypes.FlagUpdated, flag.ArticleId,
            new { flagId = flag.Id, flag.Kind, flag.Dismissed, reason = flag.DismissReason }));
        await db.SaveChangesAsync(ct);
        reader.Forget([flag.ArticleId]);
        return Result<Flag>.Ok(flag);
    }

    /// <summary>The article's flag audit trail, oldest first.</summary>
    public Task<List<FlagAudit>> TrailAsync(int articleId, CancellationToken ct) =>
        db.FlagAudits.AsNoTracking().Where(a => a.ArticleId == articleId).OrderBy(a => a.Id).ToListAsync(ct);
}
