namespace PolicyTracker.Benchmarks.Generation;

/// <summary>File formats the writer can render an article in.</summary>
public enum ArticleFormat
{
    /// <summary>Markdown with YAML front matter (.md).</summary>
    Markdown,

    /// <summary>A full HTML page with site boilerplate (.html).</summary>
    Html,

    /// <summary>Plain text: title, blank line, paragraphs (.txt).</summary>
    PlainText,
}

/// <summary>Names and file extensions of <see cref="ArticleFormat"/> values.</summary>
public static class ArticleFormats
{
    /// <summary>File extension without the dot: "md", "html" or "txt".</summary>
    public static string Extension(this ArticleFormat format) => format switch
    {
        ArticleFormat.Markdown => "md",
        ArticleFormat.Html => "html",
        ArticleFormat.PlainText => "txt",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Parses "md", "html" or "txt" (also "markdown", "htm", "text"); false for anything else.</summary>
    public static bool TryParse(string text, out ArticleFormat format)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "md" or "markdown":
                format = ArticleFormat.Markdown;
                return true;
            case "html" or "htm":
                format = ArticleFormat.Html;
                return true;
            case "txt" or "text":
                format = ArticleFormat.PlainText;
                return true;
            default:
                format = default;
                return false;
        }
    }
}
