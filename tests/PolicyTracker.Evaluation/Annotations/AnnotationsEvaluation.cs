using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.References;

namespace PolicyTracker.Evaluation.Annotations;

/// <summary>
/// Validates annotations made through PolicyTracker's own API against the W3C Web Annotation
/// conformance schemas (web-annotation-tests, JSON Schema draft-04): every assertion of
/// annotationMusts.test must hold for every annotation; the optional ones are counted.
/// </summary>
public static class AnnotationsEvaluation
{
    public static async Task<int> RunAsync(string testsFolder, string repoRoot, TextWriter output)
    {
        if (!File.Exists(Path.Combine(testsFolder, "annotations", "annotationMusts.test")))
        {
            output.WriteLine($"No annotations/annotationMusts.test under {testsFolder}: give the web-annotation-tests folder.");
            return 2;
        }
        // The definitions are loaded first; every assertion's $refs ("annotations.json#/...") resolve to them.
        var definitions = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var definition in Directory.GetFiles(Path.Combine(testsFolder, "definitions"), "*.json"))
            definitions[Path.GetFileName(definition)] = await JsonSchema.FromFileAsync(definition);

        var samples = (await AnnotationSamples.ProduceAsync(repoRoot)).ToList();
        // A control that must fail: a copy of the first annotation without @context and with both body and bodyValue.
        var broken = samples[0].Annotation.DeepClone().AsObject();
        broken.Remove("@context");
        broken["bodyValue"] = "both";
        output.WriteLine($"{samples.Count} annotations made through the Web Annotation Protocol endpoints:");
        foreach (var (kind, a) in samples) output.WriteLine($"  {a["id"]}  {kind}");
        output.WriteLine();

        var failed = 0;
        foreach (var (file, must) in new[] { ("annotationMusts.test", true), ("annotationOptionals.test", false), ("annotationsAgentOptionals.test", false) })
        {
            var path = Path.Combine(testsFolder, "annotations", file);
            if (!File.Exists(path)) continue;
            var assertions = JsonNode.Parse(File.ReadAllText(path))!["assertions"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            var (held, total) = (0, 0);
            var misses = new List<string>();
            foreach (var assertion in assertions)
            {
                var schema = await JsonSchema.FromFileAsync(Path.Combine(testsFolder, assertion),
                    root => new DefinitionsResolver(root, definitions));
                // JsonDocument, not JsonNode: a few assertion files repeat a key.
                using var raw = JsonDocument.Parse(File.ReadAllText(Path.Combine(testsFolder, assertion)));
                var expectValid = !(raw.RootElement.TryGetProperty("expectedResult", out var expected) && expected.GetString() == "invalid");
                foreach (var (kind, a) in samples)
                {
                    total++;
                    var errors = schema.Validate(a.ToJsonString());
                    if ((errors.Count == 0) == expectValid) held++;
                    else misses.Add($"    {Path.GetFileName(assertion)} on \"{kind}\": {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}").Take(3))}");
                }
            }
            if (must)
            {
                var caught = 0;
                foreach (var assertion in assertions)
                {
                    var schema = await JsonSchema.FromFileAsync(Path.Combine(testsFolder, assertion), root => new DefinitionsResolver(root, definitions));
                    if (schema.Validate(broken.ToJsonString()).Count > 0) caught++;
                }
                output.WriteLine($"control: a broken copy (no @context, body and bodyValue) fails {caught} MUST assertions (expected at least 2)");
            }
            output.WriteLine($"{file}: {held} of {total} checks hold ({(double)held / total:P1}) over {assertions.Count} assertions x {samples.Count} annotations{(must ? "" : " (optional features: a miss means the feature is not used)")}");
            if (must)
            {
                failed += total - held;
                foreach (var miss in misses) output.WriteLine(miss);
            }
        }
        output.WriteLine(failed == 0 ? "All MUST assertions hold." : $"{failed} MUST checks fail.");
        return failed == 0 ? 0 : 1;
    }
}

/// <summary>Resolves a reference to another schema file from the preloaded definitions, wherever the referring file sits.</summary>
sealed class DefinitionsResolver(JsonSchema root, IReadOnlyDictionary<string, JsonSchema> definitions)
    : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
{
    public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
        definitions.TryGetValue(Path.GetFileName(filePath), out var schema)
            ? Task.FromResult<IJsonReference>(schema)
            : base.ResolveFileReferenceAsync(filePath, cancellationToken);
}
