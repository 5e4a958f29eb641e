using System.Globalization;
using System.Text.Json;
using PolicyTracker.Evaluation.Provenance;
using PolicyTracker.Web.Claims;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Provenance;

namespace PolicyTracker.Evaluation.Claims;

/// <summary>
/// Runs the candidate-claim finder over the labelled set (each item ingested as text, as the
/// product would) and reports precision and recall by sentence, on the dev and held-out parts.
/// A suggestion is correct when it overlaps a labelled claim.
/// </summary>
public static class ClaimsEvaluation
{
    public static int Run(string folder, TextWriter output, bool showHeldOutFailures)
    {
        var canonical = new CanonicalHtml();
        var scores = new List<(bool HeldOut, int Tp, int Fp, int Fn, int Covered, int Claims)>();
        var misses = new List<(bool HeldOut, string Line)>();
        var texts = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order())
        {
            var item = JsonSerializer.Deserialize<Item>(File.ReadAllText(file), JsonSerializerOptions.Web)!;
            var heldOut = ProvenanceEvaluation.IsHeldOut(item.Id);
            var (_, text) = canonical.Clean(ContentFormats.ToHtml(item.Content, ContentType.Text));
            texts.Add(text);
            var claims = item.Claims.Select(c => Span(text, c, item.Id)).ToList();
            var found = ClaimFinder.Find(text);
            int tp = 0, fp = 0;
            foreach (var f in found)
            {
                if (claims.Any(c => Overlaps(c, f))) tp++;
                else { fp++; misses.Add((heldOut, $"    {item.Id} false positive: {f.Exact}")); }
            }
            var covered = claims.Count(c => found.Any(f => Overlaps(c, f)));
            foreach (var (c, i) in claims.Select((c, i) => (c, i)).Where(x => !found.Any(f => Overlaps(x.c, f))))
                misses.Add((heldOut, $"    {item.Id} missed: {item.Claims[i]}"));
            scores.Add((heldOut, tp, fp, claims.Count - covered, covered, claims.Count));
        }

        foreach (var heldOut in new[] { false, true })
        {
            var part = scores.Where(s => s.HeldOut == heldOut).ToList();
            int tp = part.Sum(p => p.Tp), fp = part.Sum(p => p.Fp), covered = part.Sum(p => p.Covered), all = part.Sum(p => p.Claims);
            output.WriteLine($"{(heldOut ? "Held-out" : "Dev")} part: {part.Count} items, {all} labelled claims, {tp + fp} suggestions");
            output.WriteLine($"  precision {Ratio(tp, tp + fp)} ({tp}/{tp + fp})   recall {Ratio(covered, all)} ({covered}/{all})");
            // Held-out contents stay hidden unless asked, so nobody tunes on them.
            if (heldOut && !showHeldOutFailures) continue;
            foreach (var m in misses.Where(m => m.HeldOut == heldOut)) output.WriteLine(m.Line);
        }
        // Cost at ingest, beside splitting the same texts into sentences alone (which provenance already pays).
        var finder = Time(texts, t => ClaimFinder.Find(t).Count);
        var split = Time(texts, t => Sentences.Split(t).Count);
        output.WriteLine($"Cost per item (one thread, {texts.Count} items): finder {finder:0.0} µs, sentence splitting alone {split:0.0} µs");
        return 0;
    }

    static double Time(List<string> texts, Func<string, int> work)
    {
        const int rounds = 200;
        var sink = 0;
        foreach (var t in texts) sink += work(t); // warm-up
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
            foreach (var t in texts) sink += work(t);
        GC.KeepAlive(sink);
        return clock.Elapsed.TotalMicroseconds / (rounds * texts.Count);
    }

    static (int Start, int End) Span(string text, string sentence, string id)
    {
        var at = text.IndexOf(sentence, StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException($"{id}: labelled sentence not found in the text: {sentence}");
        return (PolicyTracker.Web.Annotations.CodePointText.CodePoint(text, at), PolicyTracker.Web.Annotations.CodePointText.CodePoint(text, at + sentence.Length));
    }

    static bool Overlaps((int Start, int End) claim, CandidateClaim found) => found.Start < claim.End && claim.Start < found.End;

    static string Ratio(int a, int b) => b == 0 ? "—" : (a / (double)b).ToString("0.00", CultureInfo.InvariantCulture);

    sealed record Item(string Id, string Title, string Content, string[] Claims, string[] NotClaims);
}
