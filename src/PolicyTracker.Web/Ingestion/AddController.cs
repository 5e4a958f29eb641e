using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Ingestion;

/// <summary>The Add page: paste text, upload files, or give an address; shows what happened to each item.</summary>
[Route("add")]
[Authorize(Policy = Policies.Editor)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class AddController(ArticleStore store, UrlIngestion urls) : Controller
{
    /// <summary>Largest upload accepted, all files together.</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    [HttpGet("")]
    public IActionResult Index() => View("Add", new AddPage([], null));

    [HttpPost("text")]
    public async Task<IActionResult> Text(PastedArticle form, CancellationToken ct)
    {
        var type = ContentFormats.Parse(form.ContentType) ?? ContentType.Text;
        DateTime? published = null;
        if (!string.IsNullOrWhiteSpace(form.Published))
        {
            try { published = MarkdownFile.ParseDate(form.Published); }
            catch (FormatException e) { return View("Add", new AddPage([AddResult.Failed(form.Title ?? "Pasted text", e.Message)], form)); }
        }
        try
        {
            var outcome = await store.AddAsync(new ArticleDraft(form.Title ?? "", form.Content ?? "", type,
                NullIfBlank(form.Url), NullIfBlank(form.Source), NullIfBlank(form.Author), published), ct);
            return View("Add", new AddPage([AddResult.From(outcome)], null));
        }
        catch (InvalidDraftException e)
        {
            return View("Add", new AddPage([AddResult.Failed(string.IsNullOrWhiteSpace(form.Title) ? "Pasted text" : form.Title, e.Message)], form));
        }
    }

    [HttpPost("files"), RequestSizeLimit(MaxUploadBytes), RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
    public async Task<IActionResult> Files(List<IFormFile> files, CancellationToken ct)
    {
        if (files.Count == 0) return View("Add", new AddPage([AddResult.Failed("Upload", "Choose at least one file.")], null));
        var results = new List<AddResult>();
        var temp = Directory.CreateTempSubdirectory("policytracker-upload-");
        try
        {
            foreach (var file in files)
            {
                // Keep only the name's last segment: the browser's path is not ours to trust.
                var path = Path.Combine(temp.FullName, Path.GetFileName(file.FileName));
                await using (var stream = System.IO.File.Create(path)) await file.CopyToAsync(stream, ct);
                try
                {
                    results.Add(AddResult.From(await store.AddAsync(await FileIngestion.ReadAsync(path, ct), ct), file.FileName));
                }
                catch (Exception e) when (e is FormatException or InvalidDraftException)
                {
                    results.Add(AddResult.Failed(file.FileName, e.Message));
                }
            }
        }
        finally
        {
            temp.Delete(recursive: true);
        }
        return View("Add", new AddPage(results, null));
    }

    [HttpPost("url")]
    public async Task<IActionResult> FromUrl(string? url, CancellationToken ct)
    {
        var report = await urls.IngestAsync(url ?? "", ct);
        var results = report.Articles.Select(a => new AddResult(a.Title, a.Status, a.Id, null))
            .Concat(report.Failed.Select(f => AddResult.Failed(f.Url, f.Reason))).ToList();
        if (results.Count == 0) results.Add(new AddResult(url ?? "", "nothing new", null, "The feed had no items."));
        return View("Add", new AddPage(results, null));
    }

    static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>The paste form.</summary>
public sealed record PastedArticle(string? Title, string? Content, string? ContentType, string? Url, string? Source, string? Author, string? Published);

/// <summary>What happened to one item: created, duplicate, updated or failed with a reason.</summary>
public sealed record AddResult(string Name, string Status, int? ArticleId, string? Reason)
{
    public static AddResult From(IngestOutcome o, string? name = null) =>
        new(name is null ? o.Title : $"{name}: {o.Title}", o.Status.ToString().ToLowerInvariant(), o.ArticleId, null);

    public static AddResult Failed(string name, string reason) => new(name, "failed", null, reason);
}

public sealed record AddPage(IReadOnlyList<AddResult> Results, PastedArticle? Form);
