using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Web.Articles;

/// <summary>Revision history with word diffs, the fetched snapshots (Editors) and re-fetching (Editors).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class RevisionsController(TrackerDb db) : Controller
{
    [HttpGet("/articles/{id:int}/revisions"), Authorize(Policy = Policies.Read)]
    public async Task<IActionResult> History(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Id, a.Title, a.Text }).FirstOrDefaultAsync(ct);
        if (article is null) return NotFound();
        var revisions = await db.Revisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Number).ToListAsync(ct);
        // The newest revision's text is the article's own; older ones keep their copy.
        var texts = revisions.Select(r => r.Text ?? article.Text).ToList();
        var steps = new List<RevisionStep>();
        for (var i = 0; i < revisions.Count; i++)
        {
            var diff = i == 0 ? [] : WordDiff(texts[i - 1], texts[i]);
            steps.Add(new RevisionStep(revisions[i].Number, revisions[i].FetchedAt, revisions[i].Sha256, revisions[i].SnapshotId, diff));
        }
        return View("Revisions", new RevisionsPage(article.Id, article.Title, steps));
    }

    [HttpGet("/snapshots/{id:int}"), Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Snapshot(int id, CancellationToken ct) =>
        await db.Snapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } snapshot ? View("Snapshot", snapshot) : NotFound();

    [HttpPost("/articles/{id:int}/refetch"), Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Refetch(int id, [FromServices] UrlIngestion urls, CancellationToken ct)
    {
        var url = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.Url).FirstOrDefaultAsync(ct);
        if (url is null) return NotFound();
        var report = await urls.IngestAsync(url, ct);
        TempData["FlagError"] = report.Failure is not null ? $"Re-fetch failed: {report.Failed[0].Reason}"
            : report.Articles.FirstOrDefault()?.Status == "updated" ? null : "Re-fetched: the text has not changed.";
        return Redirect(report.Articles.FirstOrDefault()?.Status == "updated" ? $"/articles/{id}/revisions" : $"/articles/{id}");
    }

    /// <summary>Word-level changes from <paramref name="before"/> to <paramref name="after"/>, runs of unchanged words shortened.</summary>
    public static IReadOnlyList<DiffPiece> WordDiff(string before, string after)
    {
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(before, after, false, false, new WordChunker());
        return model.Lines;
    }
}

public sealed record RevisionStep(int Number, DateTime FetchedAt, string Sha256, int? SnapshotId, IReadOnlyList<DiffPiece> Diff);

public sealed record RevisionsPage(int ArticleId, string Title, IReadOnlyList<RevisionStep> Steps);
