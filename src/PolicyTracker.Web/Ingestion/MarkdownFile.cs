using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyTracker.Web.Ingestion;

/// <summary>Reads a Markdown article with YAML front matter (title, source, url, author, published).</summary>
public static class MarkdownFile
{
    /// <summary>The draft in <paramref name="markdown"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static ArticleDraft Read(string markdown, string? fallbackTitle = null)
    {
        var (meta, body) = SplitFrontMatter(markdown);
        var title = Get(meta, "title") ?? FirstHeading(ref body) ?? fallbackTitle;
        if (string.IsNullOrWhiteSpace(title)) throw new FormatException("The article has no title (front matter 'title' or a first '# ' heading).");
        return new ArticleDraft(
            title.Trim(), body, ContentType.Markdown,
            Url: Get(meta, "url"),
            SourceName: Get(meta, "source"),
            Author: Get(meta, "author"),
            PublishedAt: ParseDate(Get(meta, "published") ?? Get(meta, "date")));
    }

    /// <summary>Parses an ISO 8601 date or date-time as UTC; throws <see cref="FormatException"/> otherwise.</summary>
    public static DateTime? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)) return d.UtcDateTime;
        throw new FormatException($"'published' is not a date: '{value}'.");
    }

    static (Dictionary<string, string> Meta, string Body) SplitFrontMatter(string text)
    {
        text = text.Replace("\r\n", "\n").TrimStart('\uFEFF');
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!text.StartsWith("---\n")) return (meta, text);
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0) throw new FormatException("The front matter starts with '---' but has no closing '---' line.");
        var yaml = text[4..end];
        var bodyStart = text.IndexOf('\n', end + 4);
        var body = bodyStart < 0 ? "" : text[(bodyStart + 1)..];

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"The front matter is not valid YAML (line {e.Start.Line}): {e.Message}");
        }
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode { Value: { } v }) meta[k] = v;
            }
        }
        return (meta, body);
    }

    static string? FirstHeading(ref string body)
    {
        var lines = body.Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0 || !lines[first].StartsWith("# ")) return null;
        body = string.Join('\n', lines.Skip(first + 1));
        return lines[first][2..].Trim();
    }

    static string? Get(Dictionary<string, string> meta, string key) =>
        meta.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}
