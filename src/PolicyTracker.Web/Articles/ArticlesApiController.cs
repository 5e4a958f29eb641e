using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Ingestion;

namespace PolicyTracker.Web.Articles;

/// <summary>Articles over HTTP: list, read, and add (Editors).</summary>
[ApiController]
[Route("api/articles")]
public sealed class ArticlesApiController(TrackerDb db, ArticleStore store, ArticleReader reader) : ControllerBase
{
    /// <summary>Articles, newest first, a page at a time; <c>stories=true</c> lists one row per story (its first appearance).</summary>
    [HttpGet, Authorize(Policy = Policies.Read)]
    [ProducesResponseType<Paged<ArticleListItem>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> List([FromQuery] int page = 1, [FromQuery] int pageSize = 50, [FromQuery] bool stories = false, CancellationToken ct = default)
    {
        if (Paging.Problem(page, pageSize) is { } problem) return ValidationProblem(problem);
        return Ok(await db.ListAsync(page, pageSize, ct, stories));
    }

    /// <summary>One article with its canonical text and sanitized HTML.</summary>
    [HttpGet("{id:int}"), Authorize(Policy = Policies.Read)]
    [ProducesResponseType<ArticleDetail>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(int id, CancellationToken ct) =>
        await reader.GetAsync(id, ct) is { } article ? Ok(article) : Problem(statusCode: 404, title: $"Article {id} does not exist.");

    /// <summary>Adds an article from text, Markdown or HTML; an exact duplicate answers 200 with <c>duplicateOf</c>.</summary>
    [HttpPost, Authorize(Policy = Policies.Editor)]
    [Consumes("application/json")]
    [ProducesResponseType<NewArticleResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<NewArticleResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Create(NewArticleRequest request, CancellationToken ct)
    {
        var type = ContentFormats.Parse(request.ContentType ?? "text");
        if (type is null) return FieldProblem("contentType", "Use text, markdown or html.");
        if (string.IsNullOrWhiteSpace(request.Title)) return FieldProblem("title", "The article needs a title.");
        if (string.IsNullOrWhiteSpace(request.Content)) return FieldProblem("content", "The article needs content.");
        if (request.Content.Length > 5_000_000) return FieldProblem("content", "The content is larger than 5 MB.");
        try
        {
            var outcome = await store.AddAsync(new ArticleDraft(request.Title, request.Content, type.Value,
                request.Url, request.Source, request.Author, request.PublishedAt?.ToUniversalTime()), ct);
            return outcome.Status == IngestStatus.Created
                ? CreatedAtAction(nameof(Get), new { id = outcome.ArticleId }, new NewArticleResponse(outcome.ArticleId, outcome.Title, "created", null))
                : Ok(new NewArticleResponse(outcome.ArticleId, outcome.Title, "duplicate", outcome.ArticleId));
        }
        catch (InvalidDraftException e)
        {
            return FieldProblem(e.Field, e.Message);
        }
    }

    IActionResult FieldProblem(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return ValidationProblem(ModelState);
    }
}

/// <summary>Checks list paging parameters the same way everywhere.</summary>
public static class Paging
{
    /// <summary>Errors for out-of-range paging, or null when it is fine.</summary>
    public static Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary? Problem(int page, int pageSize)
    {
        var errors = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        if (page < 1) errors.AddModelError("page", "page starts at 1.");
        if (pageSize is < 1 or > ArticleQueries.MaxPageSize) errors.AddModelError("pageSize", $"pageSize must be 1 to {ArticleQueries.MaxPageSize}.");
        return errors.IsValid ? null : errors;
    }
}
