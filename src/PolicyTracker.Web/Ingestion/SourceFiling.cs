using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// Finds the source a draft belongs to, by its address's domain or else its name, creating it
/// when new. Sources already stored are remembered by id across batches; new ones are shared
/// within the batch that creates them.
/// </summary>
sealed class SourceFiling(TrackerDb db)
{
    readonly Dictionary<string, (int Id, string Name, Credibility Credibility, bool Known)> stored = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, Source> created = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets the article's source (by id when stored, by reference when created in this batch).</summary>
    public async Task FileAsync(Article article, ArticleDraft draft, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(draft.SourceName) ? null : draft.SourceName.Trim();
        var domain = UrlNormalizer.Domain(draft.Url);
        if (domain is null && name is null) return;

        var key = domain ?? "name:" + name;
        if (stored.TryGetValue(key, out var known))
        {
            article.SourceId = known.Id;
            return;
        }
        if (created.TryGetValue(key, out var fresh))
        {
            article.Source = fresh;
            return;
        }
        var found = domain is not null
            ? await db.Sources.AsNoTracking().Where(s => s.Domain == domain).Select(s => new { s.Id, s.Name, s.Credibility, s.Discovered }).FirstOrDefaultAsync(ct)
            : await db.Sources.AsNoTracking().Where(s => s.Name.ToLower() == name!.ToLower()).Select(s => new { s.Id, s.Name, s.Credibility, s.Discovered }).FirstOrDefaultAsync(ct);
        if (found is not null)
        {
            stored[key] = (found.Id, found.Name, found.Credibility, Source.IsKnown(found.Discovered, found.Credibility));
            article.SourceId = found.Id;
            return;
        }
        var source = new Source { Name = name ?? domain!, Domain = domain ?? Slug(name!), Discovered = true };
        db.Sources.Add(source);
        created[key] = article.Source = source;
    }

    /// <summary>The display name of the article's source, for its event.</summary>
    public string? NameOf(Article article) =>
        article.Source?.Name ?? (article.SourceId is int id ? stored.Values.FirstOrDefault(s => s.Id == id).Name : null);

    /// <summary>The source's credibility, and whether editors know it (seeded, rated, or added by them).</summary>
    public (Credibility? Credibility, bool Known) RatingOf(Article article)
    {
        if (article.Source is { } fresh) return (fresh.Credibility, fresh.KnownToEditors);
        if (article.SourceId is int id && stored.Values.FirstOrDefault(s => s.Id == id) is { Name: not null } s) return (s.Credibility, s.Known);
        return (null, false);
    }

    /// <summary>After a batch commits, sources it created are stored ones; after a failure they are forgotten.</summary>
    public void EndBatch(bool committed)
    {
        if (committed)
        {
            foreach (var (key, source) in created) stored[key] = (source.Id, source.Name, source.Credibility, source.KnownToEditors);
        }
        created.Clear();
    }

    static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
}
