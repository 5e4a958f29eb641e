using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Ingestion;

/// <summary>Finds the source a draft belongs to, by its address's domain or else its name, creating it when new.</summary>
sealed class SourceFiling(TrackerDb db)
{
    readonly Dictionary<string, Source> seen = new(StringComparer.OrdinalIgnoreCase);

    public async Task<Source?> ForAsync(ArticleDraft draft, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(draft.SourceName) ? null : draft.SourceName.Trim();
        var domain = UrlNormalizer.Domain(draft.Url);
        if (domain is null && name is null) return null;

        var key = domain ?? "name:" + name;
        if (seen.TryGetValue(key, out var cached)) return cached;
        var source = domain is not null
            ? await db.Sources.FirstOrDefaultAsync(s => s.Domain == domain, ct)
            : await db.Sources.FirstOrDefaultAsync(s => s.Name.ToLower() == name!.ToLower(), ct);
        if (source is null)
        {
            source = new Source { Name = name ?? domain!, Domain = domain ?? Slug(name!), Discovered = true };
            db.Sources.Add(source);
        }
        return seen[key] = source;
    }

    static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
}
