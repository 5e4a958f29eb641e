using System.Text.Json;

namespace PolicyTracker.Web.Annotations;

/// <summary>Limits on what an annotation may hold.</summary>
public static class AnnotationRules
{
    public const int MaxBodyLength = 10_000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 64;
}

/// <summary>What a client asked for, read from a W3C annotation in JSON-LD, before it is checked against the article.</summary>
public sealed record AnnotationDraft(
    string Body, IReadOnlyList<string> Tags, string Visibility, string? TargetSource, int? ParentId,
    SelectorInput? Selector, string? Canonical, string? Via);

/// <summary>The TextQuoteSelector and TextPositionSelector parts a client sent (any may be missing).</summary>
public sealed record SelectorInput(string? Exact, string? Prefix, string? Suffix, int? Start, int? End);

/// <summary>Reads the W3C Web Annotation JSON-LD that clients POST and PUT.</summary>
public static class AnnotationInput
{
    /// <summary>The draft, or a message saying what is wrong. <paramref name="replyTarget"/> maps an IRI to the id of an annotation in the same container.</summary>
    public static (AnnotationDraft? Draft, string? Error) Read(JsonElement json, Func<string, int?> replyTarget)
    {
        if (json.ValueKind != JsonValueKind.Object) return Fail("The request body must be a JSON object: a W3C Web Annotation.");
        if (!TypeIncludes(json, "Annotation")) return Fail("The \"type\" must be \"Annotation\".");
        if (json.TryGetProperty("body", out _) && json.TryGetProperty("bodyValue", out _)) return Fail("Give \"body\" or \"bodyValue\", not both.");

        var comments = new List<string>();
        var tags = new List<string>();
        if (json.TryGetProperty("bodyValue", out var bodyValue))
        {
            if (bodyValue.ValueKind != JsonValueKind.String) return Fail("\"bodyValue\" must be a string.");
            comments.Add(bodyValue.GetString()!);
        }
        if (json.TryGetProperty("body", out var body))
        {
            foreach (var item in Items(body))
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.String)
                    return Fail("Each body must be an embedded TextualBody with a string \"value\".");
                if (item.TryGetProperty("type", out _) && !TypeIncludes(item, "TextualBody")) return Fail("Only TextualBody bodies are supported.");
                if (Text(item, "purpose") == "tagging") tags.Add(value.GetString()!);
                else comments.Add(value.GetString()!);
            }
        }
        if (comments.Count > 1) return Fail("Give at most one comment body (the other bodies must have the purpose \"tagging\").");
        var comment = comments.FirstOrDefault()?.Trim() ?? "";
        if (comment.Length > AnnotationRules.MaxBodyLength)
            return Fail($"The comment is {comment.Length:N0} characters long; at most {AnnotationRules.MaxBodyLength:N0} are allowed.");

        var cleanTags = tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (cleanTags.Count > AnnotationRules.MaxTags) return Fail($"At most {AnnotationRules.MaxTags} tags are allowed.");
        if (cleanTags.FirstOrDefault(t => t.Length > AnnotationRules.MaxTagLength) is { } longTag)
            return Fail($"The tag \"{longTag[..20]}…\" is longer than {AnnotationRules.MaxTagLength} characters.");

        var visibility = Text(json, "visibility") ?? AnnotationVisibility.Team;
        if (visibility is not (AnnotationVisibility.Team or AnnotationVisibility.Private))
            return Fail("\"visibility\" must be \"team\" or \"private\".");

        if (!json.TryGetProperty("target", out var target)) return Fail("An annotation needs a \"target\".");
        var targets = Items(target).ToList();
        if (targets.Count != 1) return Fail("Give exactly one target.");
        target = targets[0];
        string? source = null;
        int? parent = null;
        SelectorInput? selector = null;
        if (target.ValueKind == JsonValueKind.String)
        {
            source = target.GetString();
            parent = replyTarget(source!);
        }
        else if (target.ValueKind == JsonValueKind.Object)
        {
            source = Text(target, "source") ?? Text(target, "id");
            if (target.TryGetProperty("selector", out var selectors))
            {
                var (read, error) = ReadSelector(selectors);
                if (error is not null) return Fail(error);
                selector = read;
            }
            else if (source is not null)
            {
                parent = replyTarget(source);
            }
        }
        else return Fail("The \"target\" must be an IRI or an object with a \"source\".");
        if (source is { Length: > 2048 }) return Fail("The target's source IRI is too long.");
        if (parent is not null && comment.Length == 0) return Fail("A reply needs a comment.");

        var via = Text(json, "id") ?? Text(json, "via");
        return (new AnnotationDraft(comment, cleanTags, visibility, parent is null ? source : null, parent, selector,
            Shorten(Text(json, "canonical")), Shorten(via)), null);
    }

    static (SelectorInput?, string?) ReadSelector(JsonElement selectors)
    {
        string? exact = null, prefix = null, suffix = null;
        int? start = null, end = null;
        foreach (var s in Items(selectors))
        {
            if (s.ValueKind != JsonValueKind.Object) return (null, "Each selector must be an object.");
            if (TypeIncludes(s, "TextQuoteSelector"))
            {
                exact = Text(s, "exact");
                if (exact is null) return (null, "A TextQuoteSelector needs \"exact\".");
                (prefix, suffix) = (Text(s, "prefix"), Text(s, "suffix"));
            }
            else if (TypeIncludes(s, "TextPositionSelector"))
            {
                if (!s.TryGetProperty("start", out var a) || !s.TryGetProperty("end", out var b) || !a.TryGetInt32(out var st) || !b.TryGetInt32(out var en))
                    return (null, "A TextPositionSelector needs integer \"start\" and \"end\".");
                (start, end) = (st, en);
            }
            else return (null, "Only TextQuoteSelector and TextPositionSelector are supported.");
        }
        return (new SelectorInput(exact, prefix, suffix, start, end), null);
    }

    static IEnumerable<JsonElement> Items(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : [e];

    static bool TypeIncludes(JsonElement e, string type) =>
        e.TryGetProperty("type", out var t) && Items(t).Any(x => x.ValueKind == JsonValueKind.String && x.GetString() == type);

    static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static string? Shorten(string? iri) => iri is { Length: > 2048 } ? null : iri;

    static (AnnotationDraft?, string?) Fail(string error) => (null, error);
}
