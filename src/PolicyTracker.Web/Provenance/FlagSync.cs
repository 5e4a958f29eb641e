using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Provenance;

/// <summary>Writes an article's freshly computed flags, keeping every flag once raised together with an editor's dismissal of it.</summary>
public static class FlagSync
{
    /// <summary>New flags for a new article.</summary>
    public static void AddNew(TrackerDb db, int articleId, IEnumerable<FlagDraft> drafts)
    {
        foreach (var flag in New(articleId, drafts)) db.Flags.Add(flag);
    }

    /// <summary>The rows of a new article's flags, for the caller to insert.</summary>
    public static IEnumerable<Flag> New(int articleId, IEnumerable<FlagDraft> drafts) => drafts.Select(d => ToFlag(articleId, d));

    /// <summary>
    /// Brings the article's flags in line with <paramref name="drafts"/>; true when anything changed. A flag that is not raised
    /// any more is retired with <paramref name="why"/>, keeping its quote and its review history; raised again, it comes back as it was.
    /// </summary>
    public static async Task<bool> ReplaceAsync(TrackerDb db, int articleId, IReadOnlyList<FlagDraft> drafts, string why, CancellationToken ct)
    {
        var existing = await db.Flags.Where(f => f.ArticleId == articleId).ToListAsync(ct);
        var changed = false;
        foreach (var flag in existing)
        {
            var again = drafts.FirstOrDefault(d => d.Kind == flag.Kind && d.RuleId == flag.RuleId);
            if (again is null)
            {
                if (flag.RetiredAt is not null) continue;
                (flag.RetiredAt, flag.RetiredNote) = (DateTime.UtcNow, why);
                // Offsets into a text that no longer holds the quote would highlight the wrong words.
                (flag.EvidenceStart, flag.EvidenceEnd) = (null, null);
                changed = true;
            }
            else if (flag.RetiredAt is not null || flag.RuleVersion != again.RuleVersion || flag.EvidenceExact != again.Exact
                     || flag.EvidenceStart != again.Start || flag.EvidenceValue != again.Value)
            {
                (flag.RuleVersion, flag.Severity, flag.EvidenceExact, flag.EvidenceStart, flag.EvidenceEnd, flag.EvidenceField, flag.EvidenceValue) =
                    (again.RuleVersion, again.Severity, again.Exact, again.Start, again.End, again.Field, again.Value);
                (flag.RetiredAt, flag.RetiredNote) = (null, null);
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
