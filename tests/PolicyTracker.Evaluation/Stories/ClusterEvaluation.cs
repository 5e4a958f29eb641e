using System.Text.Json;
using PolicyTracker.Evaluation.Provenance;
using PolicyTracker.Web.Stories;

namespace PolicyTracker.Evaluation.Stories;

/// <summary>
/// Runs the story decision (LSH band, estimate, exact shingle overlap) over the labelled pairs
/// and reports precision and recall of "same story" on the dev and held-out parts, with the
/// decision per kind of pair.
/// </summary>
public static class ClusterEvaluation
{
    public static int Run(string folder, TextWriter output, bool showHeldOut)
    {
        var results = new List<(string Id, string Kind, bool HeldOut, bool Expected, bool Found, double Jaccard)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order())
        {
            var pair = JsonSerializer.Deserialize<Pair>(File.ReadAllText(file), JsonSerializerOptions.Web)!;
            var found = StoryMatch.SameStory(pair.A.Text, pair.B.Text);
            results.Add((pair.Id, pair.Kind, ProvenanceEvaluation.IsHeldOut(pair.Id), pair.Same, found, StorySignature.Jaccard(pair.A.Text, pair.B.Text)));
        }
        output.WriteLine($"Same story: MinHash ({StorySignature.Size} values, word {StorySignature.ShingleWords}-grams), LSH {StorySignature.Bands}×{StorySignature.Rows}, confirmed at Jaccard >= {StoryMatch.Threshold}");
        foreach (var heldOut in new[] { false, true })
        {
            var part = results.Where(r => r.HeldOut == heldOut).ToList();
            int tp = part.Count(r => r.Expected && r.Found), fp = part.Count(r => !r.Expected && r.Found), fn = part.Count(r => r.Expected && !r.Found);
            output.WriteLine($"{(heldOut ? "Held-out" : "Dev")} part: {part.Count} pairs  precision {Ratio(tp, tp + fp)}  recall {Ratio(tp, tp + fn)}  (tp {tp}, fp {fp}, fn {fn})");
            foreach (var kind in part.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
                output.WriteLine($"  {kind.Key,-28} {kind.Count(r => r.Found)}/{kind.Count()} judged same");
            // Held-out pairs are scored but not shown unless asked, so nobody tunes on them.
            if (heldOut && !showHeldOut) continue;
            foreach (var r in part.Where(r => r.Expected != r.Found))
                output.WriteLine($"    {r.Id} ({r.Kind}): expected {(r.Expected ? "same" : "different")}, Jaccard {r.Jaccard:0.00}");
            if (!heldOut)
            {
                var same = part.Where(r => r.Expected).Select(r => r.Jaccard).DefaultIfEmpty().Min();
                var different = part.Where(r => !r.Expected).Select(r => r.Jaccard).OrderDescending().Take(3);
                output.WriteLine($"    dev: lowest same-story Jaccard {same:0.00}; highest different-story {string.Join(", ", different.Select(d => d.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}");
            }
        }
        return 0;
    }

    static string Ratio(int a, int b) => b == 0 ? "—" : (a / (double)b).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    sealed record Pair(string Id, bool Same, Side A, Side B, string Kind);

    sealed record Side(string Title, string? Source, string? Published, string Text);
}
