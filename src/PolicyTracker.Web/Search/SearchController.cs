using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Search;

/// <summary>The Search page: the whole query lives in the URL, so a search can be shared.</summary>
[Authorize(Policy = Policies.Read)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class SearchController(SearchService search) : Controller
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, string? source, string? flag, string? entity, string? cluster, string? claimStatus, string sort = "relevance", int page = 1, CancellationToken ct = default)
    {
        var request = new SearchRequest(q, Source: source, Flag: flag, Sort: sort == "date" ? "date" : "relevance", Page: Math.Clamp(page, 1, 500), Entity: entity, Cluster: cluster, ClaimStatus: claimStatus);
        try
        {
            var result = await search.SearchAsync(request, ct);
            return View("Search", new SearchPage(request, result, search.Timeline(request, "month"), null));
        }
        catch (QueryError e)
        {
            return View("Search", new SearchPage(request, null, [], e.Message));
        }
    }
}

public sealed record SearchPage(SearchRequest Request, SearchResult? Result, IReadOnlyList<TimelineBucket> Timeline, string? Error)
{
    /// <summary>The URL of this search with one parameter changed (null removes it); paging restarts.</summary>
    public string With(string key, string? value)
    {
        var p = new Dictionary<string, string?>
        {
            ["q"] = Request.Q, ["source"] = Request.Source, ["flag"] = Request.Flag, ["entity"] = Request.Entity, ["cluster"] = Request.Cluster, ["claimStatus"] = Request.ClaimStatus,
            ["sort"] = Request.Sort == "date" ? "date" : null,
        };
        p[key] = value;
        var query = string.Join("&", p.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));
        return "/search" + (query.Length > 0 ? "?" + query : "");
    }

    /// <summary>This search at another page.</summary>
    public string PageLink(int page)
    {
        var url = With("page", null);
        return page <= 1 ? url : url + (url.Contains('?') ? "&" : "?") + $"page={page}";
    }
}
