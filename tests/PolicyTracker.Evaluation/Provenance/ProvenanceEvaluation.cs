using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.Provenance;

namespace PolicyTracker.Evaluation.Provenance;

/// <summary>
/// Runs the provenance rules (from content/provenance-rules.json) over the labelled set and
/// reports precision and recall per flag kind, on the tuning part (<c>tuning/</c>) and on the
/// held-out part (<c>held-out/</c>), which was written after the rules were last tuned.
/// </summary>
public static class ProvenanceEvaluation
{
    static readonly string[] Graded = [FlagKinds.AiGenerated, FlagKinds.AiAssisted, FlagKinds.Unverified, FlagKinds.AnonymousSourcing, FlagKinds.MissingByline, FlagKinds.MissingDate];

    public static int Run(string folder, string rulesFile, TextWriter output, bool showHeldOutFailures)
    {
        var rules = JsonSerializer.Deserialize<List<ProvenanceRule>>(File.ReadAllText(rulesFile), JsonSerializerOptions.Web)!;
        var engine = new ProvenanceEngine();
        var canonical = new CanonicalHtml();
        var results = new List<(string Id, bool HeldOut, HashSet<string> Expected, HashSet<string> Found, List<FlagDraft> Flags)>();
        foreach (var (part, heldOut) in new[] { ("tuning", false), ("held-out", true) })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, part), "*.json").Order())
            {
                var item = JsonSerializer.Deserialize<Item>(File.ReadAllText(file), JsonSerializerOptions.Web)!;
                var flags = engine.Evaluate(FactsOf(item, canonical), rules).Where(f => Graded.Contains(f.Kind)).ToList();
                results.Add((item.Id, heldOut, [.. item.Expected], [.. flags.Select(f => f.Kind)], flags));
            }
        }

        foreach (var heldOut in new[] { false, true })
        {
            var part = results.Where(r => r.HeldOut == heldOut).ToList();
            output.WriteLine($"{(heldOut ? "Held-out" : "Tuning")} part: {part.Count} items");
            output.WriteLine($"  {"kind",-20} {"precision",10} {"recall",8}   tp  fp  fn");
            foreach (var kind in Graded)
            {
                int tp = part.Count(r => r.Expected.Contains(kind) && r.Found.Contains(kind));
                int fp = part.Count(r => !r.Expected.Contains(kind) && r.Found.Contains(kind));
                int fn = part.Count(r => r.Expected.Contains(kind) && !r.Found.Contains(kind));
                output.WriteLine($"  {kind,-20} {Ratio(tp, tp + fp),10} {Ratio(tp, tp + fn),8} {tp,4} {fp,3} {fn,3}");
            }
            // Held-out items are scored but their contents are not shown unless asked, so nobody tunes on them.
            if (heldOut && !showHeldOutFailures) continue;
            foreach (var r in part.Where(r => !r.Expected.SetEquals(r.Found)))
            {
                output.WriteLine($"    {r.Id}: expected [{string.Join(", ", r.Expected.Order())}] found [{string.Join(", ", r.Found.Order())}]");
                // What raised an unexpected flag, so a false positive can be read without opening the item.
                foreach (var f in r.Flags.Where(f => !r.Expected.Contains(f.Kind)))
                    output.WriteLine($"      + {f.Kind} by {f.RuleId}: {f.Exact ?? $"{f.Field}={f.Value}"}");
            }
        }
        return 0;
    }

    /// <summary>The facts the product would hold after ingesting the item.</summary>
    static ArticleFacts FactsOf(Item item, CanonicalHtml canonical)
    {
        var published = item.Published is null ? (DateTime?)null : DateTime.Parse(item.Published, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        if (item.Kind == "html")
        {
            var draft = PageReader.Read(item.Content, new Uri("https://evaluation.test/item"));
            var (pageHtml, pageText) = canonical.Clean(draft.Content);
            return new ArticleFacts(pageText, item.Author, published, null, true, item.Content, item.Headers) { CodeRanges = CodeRanges.Find(pageHtml) };
        }
        var type = item.Kind == "markdown" ? ContentType.Markdown : ContentType.Text;
        var (html, text) = canonical.Clean(ContentFormats.ToHtml(item.Content, type));
        return new ArticleFacts(text, item.Author, published, null, true) { CodeRanges = CodeRanges.Find(html) };
    }

    /// <summary>The hash split the other evaluations use for their held-out third: first byte of SHA-256(id) modulo 3 is 0.</summary>
    public static bool IsHeldOut(string id) => SHA256.HashData(Encoding.UTF8.GetBytes(id))[0] % 3 == 0;

    static string Ratio(int a, int b) => b == 0 ? "—" : (a / (double)b).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    sealed record Item(string Id, string Kind, string Title, string? Author, string? Published,
        Dictionary<string, string>? Headers, string Content, string[] Expected);
}
