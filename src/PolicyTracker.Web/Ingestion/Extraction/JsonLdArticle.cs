using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace PolicyTracker.Web.Ingestion.Extraction;

/// <summary>The schema.org article (NewsArticle, BlogPosting, ReportageNewsArticle, ...) a page declares in JSON-LD.</summary>
sealed partial record JsonLdArticle(string? Title, string? Byline, string? Description, string? Publisher, string? DatePublished, JsonElement Node)
{
    /// <summary>The first article node in the page's JSON-LD blocks, or null.</summary>
    public static JsonLdArticle? Find(IDocument document)
    {
        foreach (var script in document.GetElementsByTagName("script"))
        {
            if (!string.Equals(script.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            try
            {
                using var json = JsonDocument.Parse(Cdata().Replace(script.TextContent, ""), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (Candidates(json.RootElement).FirstOrDefault(IsArticle) is { ValueKind: JsonValueKind.Object } node)
                    return From(node.Clone(), document);
            }
            catch (JsonException)
            {
                // A broken block is common; the page's other metadata still applies.
            }
        }
        return null;
    }

    static IEnumerable<JsonElement> Candidates(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in root.EnumerateArray())
                foreach (var c in Candidates(item)) yield return c;
            yield break;
        }
        if (root.ValueKind != JsonValueKind.Object) yield break;
        yield return root;
        if (root.TryGetProperty("@graph", out var graph) && graph.ValueKind == JsonValueKind.Array)
            foreach (var item in graph.EnumerateArray()) yield return item;
    }

    static bool IsArticle(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("@type", out var type)) return false;
        string[] types = type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.ToString())] : [type.ToString()];
        return types.Any(t => ArticleType().IsMatch(t));
    }

    static JsonLdArticle From(JsonElement node, IDocument document)
    {
        var name = Text(node, "name");
        var headline = Text(node, "headline");
        var title = headline ?? name;
        if (name is not null && headline is not null && name != headline)
        {
            // Some sites put the site's name in "name": take the one that agrees with the page's title.
            var pageTitle = PageTitle.Of(document) ?? "";
            var nameMatches = PageTitle.Similarity(name, pageTitle) > 0.75;
            var headlineMatches = PageTitle.Similarity(headline, pageTitle) > 0.75;
            title = headlineMatches && !nameMatches ? headline : name;
        }
        return new JsonLdArticle(title, Authors(node), Text(node, "description"), NameOf(node, "publisher"), Text(node, "datePublished"), node);
    }

    static string? Authors(JsonElement node)
    {
        if (!node.TryGetProperty("author", out var author)) return null;
        // A bare string is often a handle ("mcupdate") rather than a name; take it when it reads as a name.
        if (author.ValueKind == JsonValueKind.String) return Plain(author.GetString()) is { } s && s.Contains(' ') && !s.Contains("://") ? s : null;
        var names = (author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToArray() : [author])
            .Select(a => a.ValueKind == JsonValueKind.Object ? Text(a, "name") : null).OfType<string>().ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    static string? NameOf(JsonElement node, string property) =>
        node.TryGetProperty(property, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Object => Text(v, "name"),
            JsonValueKind.Array => v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Object ? Text(x, "name") : null).FirstOrDefault(x => x is not null),
            _ => null,
        } : null;

    static string? Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? Plain(v.GetString()) : null;

    static string? Plain(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^\s*<!\[CDATA\[|\]\]>\s*$")]
    private static partial Regex Cdata();

    [GeneratedRegex(@"^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference)$")]
    private static partial Regex ArticleType();
}
