using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Provenance;

namespace PolicyTracker.Web.Entities;

/// <summary>Entities over HTTP: list and read (readers); correct articles and the gazetteer (Editors).</summary>
[ApiController]
public sealed class EntitiesApiController(TrackerDb db, EntityEditing editing, EntityReevaluation reevaluation) : ControllerBase
{
    /// <summary>Entities, most covered first; <c>q</c> filters by name.</summary>
    [HttpGet("api/entities"), Authorize(Policy = Policies.Read)]
    [ProducesResponseType<Paged<EntitySummary>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List([FromQuery] string? q, [FromQuery] int page = 1, [FromQuery] int pageSize = 50, CancellationToken ct = default)
    {
        if (Paging.Problem(page, pageSize) is { } problem) return ValidationProblem(problem);
        return Ok(await db.EntityListAsync(q, page, pageSize, ct));
    }

    /// <summary>One entity with its articles, newest first, and its coverage by month.</summary>
    [HttpGet("api/entities/{id:int}"), Authorize(Policy = Policies.Read)]
    [ProducesResponseType<EntityPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Get(int id, [FromQuery] int page = 1, [FromQuery] int pageSize = 50, CancellationToken ct = default)
    {
        if (Paging.Problem(page, pageSize) is { } problem) return ValidationProblem(problem);
        return await db.EntityPageAsync(id, page, pageSize, ct) is { } entity ? Ok(entity) : Problem(statusCode: 404, title: $"Entity {id} does not exist.");
    }

    /// <summary>Adds an entity to the gazetteer; every article is read again in the background.</summary>
    [HttpPost("api/entities"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<EntitySummary>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> Create(NewEntityRequest request, CancellationToken ct)
    {
        var (entity, error) = await editing.CreateAsync(request.Name, request.Type, request.Aliases, ct);
        if (entity is null) return Problem(statusCode: 400, title: error);
        return Created($"/api/entities/{entity.Id}", new EntitySummary(entity.Id, entity.Name, entity.Type, [.. entity.Aliases.Select(a => a.Text)], false, 0));
    }

    /// <summary>Adds another name for the entity; every article is read again in the background.</summary>
    [HttpPost("api/entities/{id:int}/aliases"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> AddAlias(int id, AliasRequest request, CancellationToken ct) =>
        await editing.AddAliasAsync(id, request.Alias, ct) is { } error ? Problem(statusCode: 400, title: error) : NoContent();

    /// <summary>Progress of the background re-reading of every article after the gazetteer changed.</summary>
    [HttpGet("api/entities/reevaluation"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType<ReevaluationState>(StatusCodes.Status200OK)]
    public async Task<ReevaluationState> Progress(CancellationToken ct) => await reevaluation.StateAsync(ct);

    /// <summary>Puts an entity (by name or alias) on the article; it stays when the article is read again.</summary>
    [HttpPost("api/articles/{id:int}/entities"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> AddToArticle(int id, ArticleEntityRequest request, CancellationToken ct) =>
        await editing.AddAsync(id, request.Name, ct) is { } error ? Problem(statusCode: 400, title: error) : NoContent();

    /// <summary>Takes a wrong entity off the article for good.</summary>
    [HttpDelete("api/articles/{id:int}/entities/{entityId:int}"), Authorize(Policy = Policies.Editor)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> RemoveFromArticle(int id, int entityId, CancellationToken ct) =>
        await editing.RemoveAsync(id, entityId, ct) is { } error ? Problem(statusCode: 404, title: error) : NoContent();
}

/// <summary>The body of <c>POST /api/entities</c>.</summary>
public sealed record NewEntityRequest(string? Name, string? Type, List<string>? Aliases);

/// <summary>The body of <c>POST /api/entities/{id}/aliases</c>.</summary>
public sealed record AliasRequest(string? Alias);

/// <summary>The body of <c>POST /api/articles/{id}/entities</c>: the entity's name or an alias.</summary>
public sealed record ArticleEntityRequest(string? Name);
