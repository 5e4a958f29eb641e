using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Articles;

/// <summary>The Article page's revision panel: every revision, and what the newest one changed, shortened to the changes and their context.</summary>
public sealed class RevisionHistoryViewComponent(ArticleReader reader) : ViewComponent
{
    const int ContextWords = 8;

    /// <summary>Renders the panel for article <paramref name="articleId"/>.</summary>
    public async Task<IViewComponentResult> InvokeAsync(int articleId) =>
        View("~/Articles/Views/RevisionHistory.cshtml", await reader.PartAsync("revisions", articleId,
            (services, ct) => ReadAsync(services.GetRequiredService<TrackerDb>(), articleId, ct), HttpContext.RequestAborted));

    /// <summary>The revisions, and the newest one's changes (a word diff, so it is worth keeping).</summary>
    static async Task<RevisionHistory> ReadAsync(TrackerDb db, int articleId, CancellationToken ct)
    {
        var revisions = await db.Revisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Number)
            .Select(r => new RevisionEntry(r.Number, r.FetchedAt, r.SnapshotId, r.Title)).ToListAsync(ct);
        IReadOnlyList<DiffPiece> changes = [];
        if (revisions.Count > 1)
        {
            // The newest revision's text is the article's; the one before keeps its own copy.
            var current = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => a.Text).FirstAsync(ct);
            var before = await db.Revisions.AsNoTracking().Where(r => r.ArticleId == articleId && r.Number == revisions[1].Number)
                .Select(r => r.Text).FirstOrDefaultAsync(ct);
            if (before is not null) changes = Shorten(RevisionsController.WordDiff(before, current));
        }
        return new RevisionHistory(articleId, revisions, changes);
    }

    /// <summary>The diff with long unchanged runs cut to a few words either side of each change.</summary>
    public static IReadOnlyList<DiffPiece> Shorten(IReadOnlyList<DiffPiece> pieces)
    {
        var keep = new bool[pieces.Count];
        for (var i = 0; i < pieces.Count; i++)
        {
            if (pieces[i].Type is ChangeType.Unchanged) continue;
            // A word and the space after it are two pieces, so the context counts pieces twice over.
            for (var j = Math.Max(0, i - ContextWords * 2); j <= Math.Min(pieces.Count - 1, i + ContextWords * 2); j++) keep[j] = true;
        }
        var shortened = new List<DiffPiece>();
        for (var i = 0; i < pieces.Count; i++)
        {
            if (keep[i]) shortened.Add(pieces[i]);
            else if (i == 0 || keep[i - 1]) shortened.Add(new DiffPiece(" … ", ChangeType.Imaginary));
        }
        return shortened;
    }
}

/// <summary>One revision as the panel lists it.</summary>
public sealed record RevisionEntry(int Number, DateTime FetchedAt, int? SnapshotId, string Title);

/// <summary>The revision panel's model.</summary>
public sealed record RevisionHistory(int ArticleId, IReadOnlyList<RevisionEntry> Revisions, IReadOnlyList<DiffPiece> LatestChanges);
