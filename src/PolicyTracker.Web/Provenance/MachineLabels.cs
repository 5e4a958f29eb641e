using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace PolicyTracker.Web.Provenance;

/// <summary>A machine-readable statement about how a page was made, with where it was found.</summary>
public sealed record MachineLabel(string Kind, string RuleId, string Field, string Value);

/// <summary>
/// Reads AI-disclosure labels from a fetched page: JSON-LD <c>digitalSourceType</c> (IPTC and
/// schema.org terms), <c>&lt;meta name="ai-disclosure"&gt;</c>, the <c>ai-disclosure</c> attribute,
/// the <c>AI-Disclosure</c> response header, and a <c>generator</c> naming an AI writing tool.
/// </summary>
public static partial class MachineLabels
{
    [GeneratedRegex(@"\b(ai|a\.i\.|gpt|chatgpt|llm|language model|openai|claude|gemini|copilot|jasper|writesonic|copy\.ai|rytr|article forge|genai|generative|autoblog|ai writer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AiTool();

    /// <summary>Labels in the page and its headers; empty for pages without any.</summary>
    public static IReadOnlyList<MachineLabel> Read(string? html, IReadOnlyDictionary<string, string>? headers)
    {
        var labels = new List<MachineLabel>();
        if (headers is not null)
        {
            var header = headers.FirstOrDefault(h => h.Key.Equals("ai-disclosure", StringComparison.OrdinalIgnoreCase));
            if (header.Value is { } value && DisclosureKind(value) is { } kind)
                labels.Add(new MachineLabel(kind, "label.ai-disclosure-header", "header:AI-Disclosure", value));
        }
        if (string.IsNullOrWhiteSpace(html)) return labels;

        var document = new HtmlParser().ParseDocument(html);
        foreach (var meta in document.QuerySelectorAll("meta[name]"))
        {
            var name = meta.GetAttribute("name")!.Trim().ToLowerInvariant();
            var content = meta.GetAttribute("content")?.Trim() ?? "";
            if (name == "ai-disclosure" && DisclosureKind(content) is { } kind)
                labels.Add(new MachineLabel(kind, "label.ai-disclosure-meta", "meta:ai-disclosure", content));
            else if (name == "generator" && AiTool().IsMatch(content))
                labels.Add(new MachineLabel(FlagKinds.AiGenerated, "label.generator-ai-tool", "meta:generator", content));
        }
        foreach (var element in document.QuerySelectorAll("[ai-disclosure]"))
        {
            // A label on a picture, an ad or a sidebar speaks for that part, not for the story.
            if (element.Closest("img, picture, figure, video, audio, iframe, aside, a, nav, footer") is not null) continue;
            var value = element.GetAttribute("ai-disclosure")!.Trim();
            if (DisclosureKind(value) is { } kind)
                labels.Add(new MachineLabel(kind, "label.ai-disclosure-attribute", $"attribute:ai-disclosure on <{element.LocalName}>", value));
        }
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            foreach (var value in DigitalSourceTypes(script.TextContent))
            {
                if (SourceTypeKind(value) is { } kind)
                    labels.Add(new MachineLabel(kind, "label.jsonld-digital-source-type", "jsonld:digitalSourceType", value));
            }
        }
        return labels;
    }

    /// <summary>
    /// ai-generated for "ai-generated", "autonomous" (and the header draft's "ai-originated",
    /// "machine-generated"), ai-assisted for "ai-assisted" ("ai-modified"); "none" is no flag.
    /// A structured value ("mode=ai-originated; model=...") is read by its mode.
    /// </summary>
    static string? DisclosureKind(string value)
    {
        var parts = value.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var mode = parts.FirstOrDefault(p => p.StartsWith("mode=", StringComparison.OrdinalIgnoreCase)) is { } m ? m[5..] : parts.FirstOrDefault() ?? "";
        return mode.Trim().Trim('"').ToLowerInvariant() switch
        {
            "ai-generated" or "autonomous" or "ai generated" or "ai-originated" or "machine-generated" => FlagKinds.AiGenerated,
            "ai-assisted" or "ai assisted" or "ai-modified" => FlagKinds.AiAssisted,
            _ => null,
        };
    }

    /// <summary>The IPTC digital source type named by an IPTC URI or a schema.org term.</summary>
    static string? SourceTypeKind(string value)
    {
        var term = value.Trim().TrimEnd('/');
        term = term[(term.LastIndexOfAny(['/', '#', ':']) + 1)..].ToLowerInvariant();
        return term switch
        {
            "trainedalgorithmicmedia" or "trainedalgorithmicmediadigitalsource" or "algorithmicmedia" or "algorithmicmediadigitalsource" => FlagKinds.AiGenerated,
            "compositewithtrainedalgorithmicmedia" or "compositewithtrainedalgorithmicmediadigitalsource" => FlagKinds.AiAssisted,
            _ => null,
        };
    }

    static IEnumerable<string> DigitalSourceTypes(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException) { yield break; }
        using (document)
        {
            var found = new List<string>();
            Walk(document.RootElement, found, 0);
            foreach (var value in found) yield return value;
        }
    }

    static readonly HashSet<string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "ImageObject", "VideoObject", "AudioObject", "MediaObject", "Photograph", "ImageGallery", "3DModel",
    };

    static readonly HashSet<string> MediaProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "image", "video", "audio", "associatedMedia", "thumbnail", "thumbnailUrl", "logo", "primaryImageOfPage",
    };

    static void Walk(JsonElement node, List<string> found, int depth)
    {
        if (depth > 32) return;
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray()) Walk(item, found, depth + 1);
        }
        else if (node.ValueKind == JsonValueKind.Object)
        {
            // Only the article's own value counts: an AI illustration does not make the text AI-generated.
            if (node.TryGetProperty("@type", out var type) && MediaTypes.Contains(type.ToString())) return;
            foreach (var property in node.EnumerateObject())
            {
                if (MediaProperties.Contains(property.Name)) continue;
                if (property.Name.Equals("digitalSourceType", StringComparison.OrdinalIgnoreCase))
                {
                    if (property.Value.ValueKind == JsonValueKind.String) found.Add(property.Value.GetString()!);
                    else if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("@id", out var id)) found.Add(id.ToString());
                    else if (property.Value.ValueKind == JsonValueKind.Array) found.AddRange(property.Value.EnumerateArray().Select(v => v.ToString()));
                }
                else
                {
                    Walk(property.Value, found, depth + 1);
                }
            }
        }
    }
}
