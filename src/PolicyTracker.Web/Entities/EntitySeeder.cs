using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Entities;

/// <summary>Seeds the gazetteer from <c>content/entities.json</c> when the database has none, then asks for existing articles to be read again.</summary>
public sealed class EntitySeeder(TrackerDb db, EntityReevaluation reevaluation)
{
    /// <summary>Adds the seed entities if there are none yet; returns how many were added.</summary>
    public async Task<int> SeedIfEmptyAsync(string contentRoot, CancellationToken ct = default)
    {
        if (await db.Entities.AnyAsync(ct)) return 0;
        var path = Path.Combine(contentRoot, "content", "entities.json");
        if (!File.Exists(path)) return 0;
        var seeds = JsonSerializer.Deserialize<List<EntitySeed>>(await File.ReadAllTextAsync(path, ct), JsonSerializerOptions.Web) ?? [];
        foreach (var seed in seeds.Where(s => EntityTypes.All.Contains(s.Type)).DistinctBy(s => s.Name))
        {
            db.Entities.Add(new Entity
            {
                Name = seed.Name, Type = seed.Type, Country = seed.Country,
                Aliases = [.. (seed.Aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a) && a != seed.Name).Distinct().Select(a => new EntityAlias { Text = a })],
            });
        }
        await db.SaveChangesAsync(ct);
        await Gazetteer.BumpAsync(db, ct);
        // Articles stored before the gazetteer existed (an upgraded database) are read again in the background.
        if (await db.Articles.AnyAsync(ct)) await reevaluation.RequestAsync(ct);
        return seeds.Count;
    }
}
