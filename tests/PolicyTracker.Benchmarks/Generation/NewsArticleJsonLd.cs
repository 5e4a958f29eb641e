using System.Buffers;
using System.Text;
using System.Text.Json;

namespace PolicyTracker.Benchmarks.Generation;

/// <summary>Schema.org NewsArticle metadata, as news sites embed it in a script element.</summary>
internal static class NewsArticleJsonLd
{
    // System.Text.Json's default encoder escapes <, > and &, so the JSON cannot close the script element early.
    /// <summary>The JSON-LD object for <paramref name="article"/>, indented.</summary>
    public static string Render(GeneratedArticle article)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "NewsArticle");
            json.WriteString("headline", article.Title);
            json.WriteString("url", article.Url);
            if (article.PublishedAt is { } published)
            {
                json.WriteString("datePublished", ArticleWriter.Iso8601(published));
            }

            if (article.Author is { } author)
            {
                json.WriteStartObject("author");
                json.WriteString("@type", "Person");
                json.WriteString("name", author);
                json.WriteEndObject();
            }

            json.WriteStartObject("publisher");
            json.WriteString("@type", "NewsMediaOrganization");
            json.WriteString("name", article.Source.Name);
            json.WriteString("url", "https://" + article.Source.Domain + "/");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
