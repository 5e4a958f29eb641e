using System.Text;
using AngleSharp.Html.Parser;

namespace PolicyTracker.Web.Ingestion;

/// <summary>
/// Reads article files (Markdown with front matter, plain text whose first line is the title,
/// HTML) from files and folders into the store, reporting each failure with its reason.
/// </summary>
public sealed class FileIngestion(ArticleStore store, TextWriter? progress = null)
{
    static readonly string[] Extensions = [".md", ".markdown", ".txt", ".html", ".htm"];
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Ingests every article file in <paramref name="paths"/> (folders recursively).</summary>
    public async Task<ImportSummary> IngestAsync(IEnumerable<string> paths, CancellationToken ct = default)
    {
        var failed = new List<string>();
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path)) files.AddRange(ArticleFilesIn(path));
            else if (File.Exists(path)) files.Add(path);
            else failed.Add($"{path}: no such file or folder");
        }

        int created = 0, duplicates = 0, done = 0;
        // Files are read as the store asks for them, on its cleaning thread; names line up with outcomes.
        var names = new System.Collections.Concurrent.ConcurrentQueue<string>();
        IEnumerable<ArticleDraft> Drafts()
        {
            foreach (var file in files)
            {
                ArticleDraft draft;
                try
                {
                    draft = Read(file);
                }
                catch (Exception e) when (e is FormatException or IOException or DecoderFallbackException)
                {
                    lock (failed) failed.Add($"{file}: {e.Message}");
                    Interlocked.Increment(ref done);
                    continue;
                }
                names.Enqueue(file);
                yield return draft;
            }
        }
        await foreach (var outcome in store.AddAllAsync(Drafts(), ct))
        {
            names.TryDequeue(out var name);
            if (outcome.Error is { } error)
            {
                lock (failed) failed.Add($"{name}: {error.Message}");
            }
            else if (outcome.Outcome!.Status == IngestStatus.Created) created++;
            else duplicates++;
            Report(Interlocked.Increment(ref done), files.Count);
        }
        // Files that could not be read at the end are counted here, so the bar still closes.
        if (lastReported != files.Count) Report(files.Count, files.Count);
        lock (failed) return new ImportSummary(created, duplicates, [.. failed]);
    }

    /// <summary>The article files under a folder, in name order, without README files.</summary>
    public static IEnumerable<string> ArticleFilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !Path.GetFileNameWithoutExtension(f).Equals("README", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    /// <summary>The draft in one file, by its extension.</summary>
    public static async Task<ArticleDraft> ReadAsync(string file, CancellationToken ct = default)
    {
        string content;
        try
        {
            content = await File.ReadAllTextAsync(file, StrictUtf8, ct);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException("The file is not UTF-8 text.");
        }
        return FromContent(file, content);
    }

    /// <summary>The draft in one file, read synchronously (the store's cleaning thread reads files as it goes).</summary>
    public static ArticleDraft Read(string file)
    {
        string content;
        try
        {
            content = File.ReadAllText(file, StrictUtf8);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException("The file is not UTF-8 text.");
        }
        return FromContent(file, content);
    }

    static ArticleDraft FromContent(string file, string content)
    {
        if (content.Contains('\0')) throw new FormatException("The file is binary, not text.");
        var name = Path.GetFileNameWithoutExtension(file);
        return Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".md" or ".markdown" => MarkdownFile.Read(content, name),
            ".html" or ".htm" => FromHtml(content, name),
            _ => FromText(content),
        };
    }

    static ArticleDraft FromText(string content)
    {
        var lines = content.Replace("\r\n", "\n").TrimStart('\uFEFF').Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0) throw new FormatException("The file is empty.");
        return new ArticleDraft(lines[first].Trim(), string.Join('\n', lines.Skip(first + 1)), ContentType.Text);
    }

    static ArticleDraft FromHtml(string content, string fallbackTitle)
    {
        var document = new HtmlParser().ParseDocument(content);
        var title = document.QuerySelector("h1")?.TextContent.Trim() is { Length: > 0 } h1 ? h1 : document.Title?.Trim();
        var body = document.QuerySelector("article") ?? document.Body;
        return new ArticleDraft(string.IsNullOrEmpty(title) ? fallbackTitle : title, body?.InnerHtml ?? "", ContentType.Html);
    }

    int lastReported;

    void Report(int done, int total)
    {
        if (progress is null || total < 20) return;
        if (done % Math.Max(1, total / 50) != 0 && done != total) return;
        lastReported = done;
        var width = 30;
        var filled = done * width / total;
        progress.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total}");
        if (done == total) progress.WriteLine();
    }
}
