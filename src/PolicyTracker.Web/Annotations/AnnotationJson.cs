using System.Text.Json.Nodes;

namespace PolicyTracker.Web.Annotations;

/// <summary>
/// Writes annotations as W3C Web Annotation JSON-LD. IRIs are absolute, made from the address the
/// request came to: the container of article 5 is <c>{base}annotations/articles/5/</c>.
/// </summary>
public sealed class AnnotationJson(string baseUri)
{
    public const string AnnoContext = "http://www.w3.org/ns/anno.jsonld";
    public const string LdpContext = "http://www.w3.org/ns/ldp.jsonld";
    /// <summary>The media type of every annotation response.</summary>
    public const string MediaType = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

    /// <summary>The base for a request: scheme, host and path base, ending in a slash.</summary>
    public static AnnotationJson For(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");

    public string ContainerIri(int articleId) => $"{baseUri}annotations/articles/{articleId}/";
    public string Iri(int articleId, int annotationId) => ContainerIri(articleId) + annotationId;
    public string ArticleIri(int articleId) => $"{baseUri}articles/{articleId}";

    /// <summary>The id of the annotation in article <paramref name="articleId"/>'s container that <paramref name="iri"/> names, if any (any host).</summary>
    public static int? AnnotationIdIn(int articleId, string iri)
    {
        var path = Uri.TryCreate(iri, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : iri;
        var prefix = $"/annotations/articles/{articleId}/";
        return path.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(path[prefix.Length..], out var id) ? id : null;
    }

    /// <summary>One annotation; <paramref name="withContext"/> false inside a page that already has one.</summary>
    public JsonObject Write(Annotation a, bool withContext = true)
    {
        var json = new JsonObject();
        if (withContext) json["@context"] = AnnoContext;
        json["id"] = Iri(a.ArticleId, a.Id);
        json["type"] = "Annotation";
        json["motivation"] = a.ParentId is not null ? "replying" : a.Body.Length > 0 ? "commenting" : a.Tags.Count > 0 ? "tagging" : "highlighting";
        json["creator"] = new JsonObject
        {
            ["id"] = Guid.TryParse(a.AuthorId, out var g) ? $"urn:uuid:{g}" : $"urn:policytracker:member:{Uri.EscapeDataString(a.AuthorId)}",
            ["type"] = "Person",
            ["name"] = a.AuthorName,
        };
        json["created"] = Time(a.CreatedAt);
        json["modified"] = Time(a.ModifiedAt);
        var bodies = new JsonArray();
        if (a.Body.Length > 0)
        {
            bodies.Add(new JsonObject
            {
                ["type"] = "TextualBody", ["value"] = a.Body, ["format"] = "text/markdown",
                ["purpose"] = a.ParentId is null ? "commenting" : "replying",
            });
        }
        foreach (var tag in a.Tags) bodies.Add(new JsonObject { ["type"] = "TextualBody", ["value"] = tag, ["purpose"] = "tagging" });
        if (bodies.Count > 0) json["body"] = bodies;
        json["target"] = Target(a);
        if (a.Canonical is not null) json["canonical"] = a.Canonical;
        if (a.Via is not null) json["via"] = a.Via;
        // Extensions: who may see it, whether its quote was lost in a revision, its version (as in the ETag), the rendered comment.
        json["visibility"] = a.Visibility;
        json["orphaned"] = a.Orphaned;
        json["version"] = a.Version;
        json["bodyHtml"] = a.BodyHtml;
        return json;
    }

    JsonNode Target(Annotation a)
    {
        if (a.ParentId is int parent) return Iri(a.ArticleId, parent);
        var source = a.TargetSource ?? ArticleIri(a.ArticleId);
        if (a.Selector is not { } s) return source;
        return new JsonObject
        {
            ["source"] = source,
            ["selector"] = new JsonArray(
                new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = s.Exact, ["prefix"] = s.Prefix, ["suffix"] = s.Suffix },
                new JsonObject { ["type"] = "TextPositionSelector", ["start"] = s.Start, ["end"] = s.End }),
        };
    }

    static string Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
