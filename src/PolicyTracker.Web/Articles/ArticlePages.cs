using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using PolicyTracker.Web.Infrastructure;

namespace PolicyTracker.Web.Articles;

/// <summary>
/// The Article page as HTML, rendered once per article version and audience (see
/// <see cref="SharedPages"/>) instead of on every view: Razor with every panel was most of a page
/// view's cost. The rendered page is kept as one more part of the article in
/// <see cref="ArticleReader"/>, so it is dropped by exactly what drops the parts it is made of:
/// every change to the article or to what its panels show (flags, their review trail, claims,
/// entities, story, revisions, its source) writes an event for the article, and this process
/// forgets the article when it saves one, the event follower when another process did; a
/// change to an article its story lists drops it too. Its version is taken before the parts are
/// read, so a render that overlaps a change is not kept. Annotations and presence are not part of
/// it: the page's script loads them per reader. The versioned addresses of the stylesheet and
/// script are rendered in as well; they only change when a deployment changes those files, and a
/// kept page is at most a minute old.
/// </summary>
public sealed class ArticlePages(ArticleReader reader, SharedPages shared, IOptions<CookieTempDataProviderOptions> tempData)
{
    // One part name per audience (signed in, and each of the three roles).
    static readonly string[] Parts = [.. Enumerable.Range(0, 16).Select(a => $"page-for-{a}")];
    readonly string tempDataCookie = tempData.Value.Cookie.Name!;

    /// <summary>
    /// Whether this view can be served from the shared page: not when the last action left a
    /// message to show (temp data), nor under a path base the page was not rendered for.
    /// </summary>
    public bool CanServe(HttpContext context) =>
        !context.Request.PathBase.HasValue && !context.Request.Cookies.ContainsKey(tempDataCookie) && SharedPages.CanServe(context.User);

    /// <summary>The page of article <paramref name="id"/> for this reader, filled in with their details; null when there is no such article.</summary>
    public async Task<IActionResult?> PageAsync(ActionContext action, int id, CancellationToken ct)
    {
        // An unknown id is not kept (see ArticleReader.GetAsync), so ask for the article first.
        if (await reader.GetAsync(id, ct) is null) return null;
        var audience = SharedPages.AudienceOf(action.HttpContext.User);
        var page = await reader.PartAsync(Parts[audience], id, async (services, c) =>
        {
            // Read here, after the page's version was taken, never before: a change in between
            // must leave this render unkept rather than keep it under the newer version.
            if (await reader.GetAsync(id, c) is not { } article) return null;
            var trail = article.Flags.Count == 0 ? [] : await reader.TrailAsync(id, c);
            return await shared.RenderAsync(action, "Show", new ArticlePage(article, trail, null), audience, services, c);
        }, keepMissing: false, ct);
        return page is null ? null : new SharedPageResult(shared, page);
    }

    sealed class SharedPageResult(SharedPages shared, SharedPage page) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => shared.WriteAsync(context.HttpContext, page);
    }
}
