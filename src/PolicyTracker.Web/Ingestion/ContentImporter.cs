using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// On first run, seeds the sources list and imports the Markdown articles under <c>content/</c>,
/// so a new team sees coverage at once. It runs once per database; later runs leave what
/// editors changed alone.
/// </summary>
public sealed class ContentImporter(TrackerDb db, ArticleStore store, ILogger<ContentImporter> log)
{
    /// <summary>Imports <paramref name="contentRoot"/>/content unless this database already did.</summary>
    public async Task<ImportSummary?> ImportOnceAsync(string contentRoot, CancellationToken ct = default)
    {
        if (await db.AppState.AnyAsync(s => s.Key == AppState.FirstRunImport, ct)) return null;
        var folder = Path.Combine(contentRoot, "content");
        var summary = Directory.Exists(folder) ? await ImportAsync(folder, ct) : new ImportSummary(0, 0, []);
        db.AppState.Add(new AppState { Key = AppState.FirstRunImport, Value = $"{summary.Created} articles" });
        await db.SaveChangesAsync(ct);
        return summary;
    }

    async Task<ImportSummary> ImportAsync(string folder, CancellationToken ct)
    {
        await SeedSourcesAsync(Path.Combine(folder, "sources.json"), ct);
        var markdown = FileIngestion.ArticleFilesIn(folder).Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase));
        var summary = await new FileIngestion(store).IngestAsync(markdown, ct);
        foreach (var failure in summary.Failed) log.LogWarning("Skipped {Failure}", failure);
        return summary;
    }

    async Task SeedSourcesAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path)) return;
        List<SeedSource>? seeds;
        try
        {
            seeds = JsonSerializer.Deserialize<List<SeedSource>>(await File.ReadAllTextAsync(path, ct), JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            log.LogWarning("content/sources.json is not valid JSON and was skipped: {Reason}", e.Message);
            return;
        }
        foreach (var seed in seeds ?? [])
        {
            var domain = seed.Domain?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(domain) || string.IsNullOrWhiteSpace(seed.Name)) continue;
            if (domain.StartsWith("www.")) domain = domain[4..];
            if (await db.Sources.AnyAsync(s => s.Domain == domain, ct)) continue;
            db.Sources.Add(new Source
            {
                Name = seed.Name.Trim(),
                Domain = domain,
                Credibility = CredibilityNames.Parse(seed.Credibility) ?? Credibility.Unknown,
                Note = seed.Note,
            });
            await db.SaveChangesAsync(ct);
        }
    }

    sealed record SeedSource(string? Name, string? Domain, string? Credibility, string? Note);
}

/// <summary>What an import did: counts, and each failure with its reason.</summary>
public sealed record ImportSummary(int Created, int Duplicates, IReadOnlyList<string> Failed);
