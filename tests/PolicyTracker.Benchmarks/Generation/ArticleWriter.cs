using System.Globalization;
using System.Text;

namespace PolicyTracker.Benchmarks.Generation;

/// <summary>Renders a <see cref="GeneratedArticle"/> as Markdown with front matter, an HTML page or plain text.</summary>
public static class ArticleWriter
{
    /// <summary>Renders <paramref name="article"/> in <paramref name="format"/>.</summary>
    public static string Render(GeneratedArticle article, ArticleFormat format) => format switch
    {
        ArticleFormat.Markdown => ToMarkdown(article),
        ArticleFormat.Html => HtmlPageWriter.Render(article),
        ArticleFormat.PlainText => ToPlainText(article),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The file name for article <paramref name="index"/>: "000042.md" and so on.</summary>
    public static string FileName(int index, ArticleFormat format) =>
        index.ToString("D6", CultureInfo.InvariantCulture) + "." + format.Extension();

    /// <summary>Markdown with YAML front matter (title, source, url, author, published; missing ones omitted).</summary>
    public static string ToMarkdown(GeneratedArticle article)
    {
        var output = new StringBuilder(5000);
        output.Append("---\n");
        AppendYamlString(output, "title", article.Title);
        AppendYamlString(output, "source", article.Source.Name);
        AppendYamlString(output, "url", article.Url);
        if (article.Author is { } author)
        {
            AppendYamlString(output, "author", author);
        }

        if (article.PublishedAt is { } published)
        {
            output.Append("published: ").Append(Iso8601(published)).Append('\n');
        }

        output.Append("---\n\n");
        for (var i = 0; i < article.Blocks.Count; i++)
        {
            output.Append(article.Blocks[i].ToMarkdown()).Append("\n\n");
        }

        output.Length--;
        return output.ToString();
    }

    /// <summary>Plain text: the title, a blank line, then blocks separated by blank lines.</summary>
    public static string ToPlainText(GeneratedArticle article)
    {
        var output = new StringBuilder(5000);
        output.Append(article.Title).Append("\n\n");
        foreach (var block in article.Blocks)
        {
            if (block.Kind == ArticleBlockKind.BulletList)
            {
                foreach (var item in block.Lines)
                {
                    output.Append("- ").Append(item).Append('\n');
                }

                output.Append('\n');
            }
            else
            {
                output.Append(block.Text).Append("\n\n");
            }
        }

        output.Length--;
        return output.ToString();
    }

    /// <summary>ISO 8601 in UTC to the second, e.g. 2025-03-14T09:30:00Z.</summary>
    public static string Iso8601(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void AppendYamlString(StringBuilder output, string key, string value)
    {
        output.Append(key).Append(": ");
        AppendYamlDoubleQuoted(output, value);
        output.Append('\n');
    }

    // Always double-quoted: plain YAML scalars break on ": ", "#", leading quotes and words like "no".
    private static void AppendYamlDoubleQuoted(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case < ' ': output.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)); break;
                default: output.Append(c); break;
            }
        }

        output.Append('"');
    }
}
