using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Search;

namespace PolicyTracker.Web.Annotations;

/// <summary>Exports the annotations the caller may see, of one article or of every article a search finds, as W3C JSON-LD or CSV.</summary>
[ApiController, Authorize(Policy = Policies.Analyst), Microsoft.AspNetCore.Cors.EnableCors(AnnotationCors.Policy)]
public sealed class AnnotationExportController(TrackerDb db, SearchService search) : ControllerBase
{
    const int MaxArticles = 1000;

    /// <summary>One article's annotations: <c>format=jsonld</c> (an AnnotationCollection) or <c>format=csv</c>.</summary>
    [HttpGet("annotations/articles/{articleId:int}/export")]
    public async Task<IActionResult> Article(int articleId, string format = "jsonld", CancellationToken ct = default)
    {
        if (!await db.Articles.AnyAsync(a => a.Id == articleId, ct)) return Problem(statusCode: 404, title: $"Article {articleId} does not exist.");
        return await Export([articleId], $"article-{articleId}-annotations", $"Annotations on article {articleId}", format, ct);
    }

    /// <summary>The annotations on the articles a search finds (query language as on Search; at most 1,000 articles).</summary>
    [HttpGet("annotations/export")]
    public async Task<IActionResult> Search(string? q, string format = "jsonld", CancellationToken ct = default)
    {
        var ids = new List<int>();
        try
        {
            for (var page = 1; ids.Count < MaxArticles; page++)
            {
                var result = await search.SearchAsync(new SearchRequest(q, Sort: "date", Page: page, PageSize: 200), ct);
                ids.AddRange(result.Hits.Select(h => h.Id));
                if (result.Hits.Count < 200) break;
            }
        }
        catch (QueryError e)
        {
            return Problem(statusCode: 400, title: e.Message);
        }
        return await Export(ids, "search-annotations", string.IsNullOrWhiteSpace(q) ? "Annotations" : $"Annotations on articles matching {q}", format, ct);
    }

    async Task<IActionResult> Export(IReadOnlyList<int> articleIds, string fileName, string label, string format, CancellationToken ct)
    {
        if (format is not ("jsonld" or "csv")) return Problem(statusCode: 400, title: "format must be jsonld or csv.");
        var userId = Annotator.From(User).UserId;
        var items = new List<Annotation>();
        foreach (var chunk in articleIds.Chunk(200))
        {
            items.AddRange(await db.Annotations.AsNoTracking()
                .Where(a => chunk.Contains(a.ArticleId) && (a.Visibility == AnnotationVisibility.Team || a.AuthorId == userId))
                .OrderBy(a => a.ArticleId).ThenBy(a => a.Id).ToListAsync(ct));
        }
        var json = AnnotationJson.For(Request);
        if (format == "csv")
            return File(Encoding.UTF8.GetBytes(AnnotationCsv.Write(items)), "text/csv; charset=utf-8", fileName + ".csv");
        var collection = new JsonObject
        {
            ["@context"] = AnnotationJson.AnnoContext,
            ["id"] = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{Request.Path}{Request.QueryString}",
            ["type"] = "AnnotationCollection",
            ["label"] = label,
            ["total"] = items.Count,
        };
        if (items.Count > 0)
        {
            collection["first"] = new JsonObject
            {
                ["type"] = "AnnotationPage",
                ["startIndex"] = 0,
                ["items"] = new JsonArray([.. items.Select(a => json.Write(a))]),
            };
        }
        return File(Encoding.UTF8.GetBytes(collection.ToJsonString()), AnnotationJson.MediaType, fileName + ".jsonld");
    }
}

/// <summary>Annotations as CSV (RFC 4180), one row each; cells that a spreadsheet would run as a formula are defused.</summary>
public static class AnnotationCsv
{
    static readonly string[] Header =
        ["id", "article_id", "parent_id", "author", "visibility", "created", "modified", "tags", "exact", "prefix", "suffix", "start", "end", "orphaned", "comment"];

    public static string Write(IEnumerable<Annotation> items)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header).Append("\r\n");
        foreach (var a in items)
        {
            string[] row =
            [
                Num(a.Id), Num(a.ArticleId), a.ParentId is int p ? Num(p) : "", a.AuthorName, a.Visibility,
                a.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), a.ModifiedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                string.Join("; ", a.Tags), a.Exact ?? "", a.Prefix ?? "", a.Suffix ?? "",
                a.Start is int s ? Num(s) : "", a.End is int e ? Num(e) : "", a.Orphaned ? "true" : "false", a.Body,
            ];
            csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }
        return csv.ToString();
    }

    static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
