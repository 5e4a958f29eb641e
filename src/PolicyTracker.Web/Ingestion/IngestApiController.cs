using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Ingestion;

/// <summary><c>POST /api/ingest</c>: fetch a page or a feed by address (Editors).</summary>
[ApiController]
[Route("api/ingest")]
[Authorize(Policy = Policies.Editor)]
public sealed class IngestApiController(UrlIngestion urls) : ControllerBase
{
    /// <summary>
    /// A page becomes one article; a feed brings in each item. A single page that cannot be
    /// fetched or read answers 4xx ProblemDetails saying why.
    /// </summary>
    [HttpPost]
    [ProducesResponseType<IngestResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Ingest(IngestRequest request, CancellationToken ct)
    {
        var report = await urls.IngestAsync(request.Url ?? "", ct);
        return report.Failure switch
        {
            IngestFailure.InvalidAddress => Problem(statusCode: 400, title: "The address cannot be fetched.", detail: report.Failed[0].Reason),
            IngestFailure.Unreadable => Problem(statusCode: 422, title: "The address could not be fetched or read.", detail: report.Failed[0].Reason),
            IngestFailure.NotAnArticle => Problem(statusCode: 422, title: "The page holds no article.", detail: report.Failed[0].Reason),
            _ => Ok(new IngestResponse(report.Articles, report.Failed)),
        };
    }
}

public sealed record IngestRequest(string? Url);

/// <summary><c>{articles: [{id, title, status}], failed: [{url, reason}]}</c>.</summary>
public sealed record IngestResponse(IReadOnlyList<IngestedItem> Articles, IReadOnlyList<FailedItem> Failed);
