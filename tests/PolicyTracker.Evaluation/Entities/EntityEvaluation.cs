using System.Text.Json;
using PolicyTracker.Evaluation.Provenance;
using PolicyTracker.Web.Entities;

namespace PolicyTracker.Evaluation.Entities;

/// <summary>
/// Runs the entity matcher (gazetteer from content/entities.json plus patterns) over the
/// labelled items and reports precision and recall per entity type on the dev and held-out
/// parts: strict (exact span and type) and by article (canonical name and type, as the API lists them).
/// </summary>
public static class EntityEvaluation
{
    public static int Run(string folder, string gazetteerFile, TextWriter output, bool showHeldOut)
    {
        var seeds = JsonSerializer.Deserialize<List<EntitySeed>>(File.ReadAllText(gazetteerFile), JsonSerializerOptions.Web)!;
        var matcher = new EntityMatcher(seeds.Select((s, i) => new GazetteerEntry(i + 1, s.Name, s.Type, s.Aliases ?? [])));
        var items = Directory.EnumerateFiles(folder, "ent-*.json").Order()
            .Select(f => JsonSerializer.Deserialize<Item>(File.ReadAllText(f), JsonSerializerOptions.Web)!).ToList();
        var runs = items.Select(item => (item, HeldOut: ProvenanceEvaluation.IsHeldOut(item.Id), Found: matcher.Find(item.Text))).ToList();

        foreach (var heldOut in new[] { false, true })
        {
            var part = runs.Where(r => r.HeldOut == heldOut).ToList();
            output.WriteLine($"{(heldOut ? "Held-out" : "Dev")} part: {part.Count} items");
            output.WriteLine($"  {"type",-18} {"mentions P",10} {"R",6} {"(n)",5}   {"by article P",12} {"R",6} {"(n)",5}");
            foreach (var type in EntityTypes.All.Append("all"))
            {
                bool Of(string t) => type == "all" || t == type;
                var expected = part.SelectMany(r => r.item.Entities.Where(e => Of(e.Type)).Select(e => (r.item.Id, e.Start, e.End, e.Type))).ToHashSet();
                var found = part.SelectMany(r => r.Found.Where(f => Of(f.Type)).Select(f => (r.item.Id, f.Start, f.End, f.Type))).ToHashSet();
                var expectedNames = part.SelectMany(r => r.item.Entities.Where(e => Of(e.Type)).Select(e => (r.item.Id, e.Name, e.Type))).ToHashSet();
                var foundNames = part.SelectMany(r => r.Found.Where(f => Of(f.Type)).Select(f => (r.item.Id, f.Name, f.Type))).ToHashSet();
                output.WriteLine($"  {type,-18} {Ratio(found.Count(expected.Contains), found.Count),10} {Ratio(expected.Count(found.Contains), expected.Count),6} {expected.Count,5}   " +
                    $"{Ratio(foundNames.Count(expectedNames.Contains), foundNames.Count),12} {Ratio(expectedNames.Count(foundNames.Contains), expectedNames.Count),6} {expectedNames.Count,5}");
            }
            // Held-out items are scored but their errors are not shown unless asked, so nobody tunes on them.
            if (heldOut && !showHeldOut) continue;
            foreach (var (item, _, found) in part)
            {
                var expected = item.Entities.Select(e => (e.Start, e.End, e.Type, e.Name)).ToHashSet();
                var got = found.Select(f => (f.Start, f.End, f.Type, f.Name)).ToHashSet();
                foreach (var miss in expected.Where(e => !got.Contains(e))) output.WriteLine($"    {item.Id} missed  {item.Text[miss.Start..miss.End]} → {miss.Name} ({miss.Type})");
                foreach (var extra in got.Where(g => !expected.Contains(g))) output.WriteLine($"    {item.Id} extra   {item.Text[extra.Start..extra.End]} → {extra.Name} ({extra.Type})");
            }
        }
        return 0;
    }

    static string Ratio(int a, int b) => b == 0 ? "—" : (a / (double)b).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    sealed record Item(string Id, string Text, List<Mention> Entities);

    sealed record Mention(string Text, int Start, int End, string Name, string Type);
}
