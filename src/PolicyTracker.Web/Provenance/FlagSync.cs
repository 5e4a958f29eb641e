using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Provenance;

/// <summary>Writes an article's freshly computed flags, keeping an editor's dismissal of a flag that is raised again.</summary>
public static class FlagSync
{
    /// <summary>New flags for a new article.</summary>
    public static void AddNew(TrackerDb db, int articleId, IEnumerable<FlagDraft> drafts)
    {
        foreach (var draft in drafts) db.Flags.Add(ToFlag(articleId, draft));
    }

    /// <summary>Replaces the article's flags with <paramref name="drafts"/>; true when anything changed.</summary>
    public static async Task<bool> ReplaceAsync(TrackerDb db, int articleId, IReadOnlyList<FlagDraft> drafts, CancellationToken ct)
    {
        var existing = await db.Flags.Where(f => f.ArticleId == articleId).ToListAsync(ct);
        var changed = false;
        foreach (var flag in existing)
        {
            var again = drafts.FirstOrDefault(d => d.Kind == flag.Kind && d.RuleId == flag.RuleId);
            if (again is null)
            {
                db.Flags.Remove(flag);
                changed = true;
            }
            else if (flag.RuleVersion != again.RuleVersion || flag.EvidenceExact != again.Exact || flag.EvidenceStart != again.Start
                     || flag.EvidenceValue != again.Value)
            {
                (flag.RuleVersion, flag.Severity, flag.EvidenceExact, flag.EvidenceStart, flag.EvidenceEnd, flag.EvidenceField, flag.EvidenceValue) =
                    (again.RuleVersion, again.Severity, again.Exact, again.Start, again.End, again.Field, again.Value);
                changed = true;
            }
        }
        foreach (var draft in drafts.Where(d => !existing.Any(f => f.Kind == d.Kind && f.RuleId == d.RuleId)))
        {
            db.Flags.Add(ToFlag(articleId, draft));
            changed = true;
        }
        return changed;
    }

    static Flag ToFlag(int articleId, FlagDraft d) => new()
    {
        ArticleId = articleId,
        Kind = d.Kind,
        RuleId = d.RuleId,
        RuleVersion = d.RuleVersion,
        Severity = d.Severity,
        EvidenceExact = d.Exact,
        EvidenceStart = d.Start,
        EvidenceEnd = d.End,
        EvidenceField = d.Field,
        EvidenceValue = d.Value,
    };
}
