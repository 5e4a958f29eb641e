using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Articles;

/// <summary>The Articles list and the Article page.</summary>
[Authorize(Policy = Policies.Read)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ArticlesController(ArticleReader reader, ArticlePages pages) : Controller
{
    const int PageSize = 25;

    [HttpGet("/")]
    public IActionResult Home() => RedirectToAction(nameof(Index));

    [HttpGet("/articles")]
    public async Task<IActionResult> Index([FromServices] TrackerDb db, int page = 1, bool stories = false, CancellationToken ct = default)
    {
        var list = await db.ListAsync(Math.Max(1, page), PageSize, ct, stories);
        ViewData["Stories"] = stories;
        return View(list);
    }

    [HttpGet("/articles/{id:int}")]
    public async Task<IActionResult> Show(int id)
    {
        // The page is read far more often than anything else: no more parameters to bind than the id.
        var ct = HttpContext.RequestAborted;
        if (pages.CanServe(HttpContext)) return await pages.PageAsync(ControllerContext, id, ct) ?? NotFound();
        if (await reader.GetAsync(id, ct) is not { } article) return NotFound();
        var trail = article.Flags.Count == 0 ? [] : await reader.TrailAsync(id, ct);
        return View(new ArticlePage(article, trail, TempData["FlagError"] as string));
    }
}

/// <summary>The Article page: the article, its flags' review trail, and any message from the last action.</summary>
public sealed record ArticlePage(ArticleDetail Article, IReadOnlyList<Provenance.FlagAudit> FlagTrail, string? Error);
