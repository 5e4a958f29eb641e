using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.Annotations;

/// <summary>
/// Keeps annotations on their passage when an article gets a new revision: each quote is found
/// again (prefix and suffix tell repeated passages apart); one that is gone is marked orphaned and
/// kept with its quote, never dropped. Runs inside the revision's transaction.
/// </summary>
public static class AnnotationAnchoring
{
    /// <summary>Re-anchors the article's annotations in <paramref name="newText"/>; adds an <c>annotationUpdated</c> event for each that moved or was orphaned. The caller saves.</summary>
    public static async Task<int> ReanchorAsync(TrackerDb db, int articleId, string newText, CancellationToken ct)
    {
        var quoted = await db.Annotations.Where(a => a.ArticleId == articleId && a.Exact != null).ToListAsync(ct);
        var changed = 0;
        foreach (var a in quoted)
        {
            var located = QuoteAnchor.Locate(newText, a.Selector!);
            if (located is null && a.Orphaned) continue;
            if (located is not null && !a.Orphaned && located == a.Selector) continue;
            a.Orphaned = located is null;
            if (located is not null) a.SetSelector(located);
            a.Version++;
            a.ModifiedAt = DateTime.UtcNow;
            changed++;
            // The broadcaster knows no request address to write IRIs with; clients fetch the annotation again.
            db.Events.Add(TrackerEvent.Create(EventTypes.AnnotationUpdated, articleId,
                new { id = a.Id, articleId, parentId = a.ParentId, version = a.Version, orphaned = a.Orphaned, reanchored = true },
                a.Visibility == AnnotationVisibility.Private ? a.AuthorId : null));
        }
        return changed;
    }
}
