using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Web.Entities;

/// <summary>The Entities list, each entity's page, and the editors' forms (chips on the Article page, aliases, new entities).</summary>
[Authorize(Policy = Policies.Read)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class EntitiesController(TrackerDb db, EntityEditing editing, EntityReevaluation reevaluation) : Controller
{
    const int PageSize = 25;

    [HttpGet("/entities")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken ct = default) =>
        View("Entities", new EntityListPage(q, await db.EntityListAsync(q, Math.Max(1, page), 100, ct), await reevaluation.StateAsync(ct), TempData["EntityError"] as string));

    [HttpGet("/entities/{id:int}")]
    public async Task<IActionResult> Show(int id, int page = 1, CancellationToken ct = default) =>
        await db.EntityPageAsync(id, Math.Max(1, page), PageSize, ct) is { } entity ? View("Entity", entity) : NotFound();

    [HttpPost("/entities"), Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> Create(string? name, string? type, string? aliases, CancellationToken ct)
    {
        var (entity, error) = await editing.CreateAsync(name, type, aliases?.Split(',', StringSplitOptions.RemoveEmptyEntries), ct);
        TempData["EntityError"] = error;
        return entity is null ? Redirect("/entities") : Redirect($"/entities/{entity.Id}");
    }

    [HttpPost("/entities/{id:int}/aliases"), Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> AddAlias(int id, string? alias, CancellationToken ct)
    {
        TempData["EntityError"] = await editing.AddAliasAsync(id, alias, ct);
        return Redirect($"/entities/{id}");
    }

    [HttpPost("/articles/{id:int}/entities"), Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> AddToArticle(int id, string? name, CancellationToken ct)
    {
        TempData["EntityError"] = await editing.AddAsync(id, name, ct);
        return Redirect($"/articles/{id}#entities");
    }

    [HttpPost("/articles/{id:int}/entities/{entityId:int}/remove"), Authorize(Policy = Policies.Editor)]
    public async Task<IActionResult> RemoveFromArticle(int id, int entityId, CancellationToken ct)
    {
        TempData["EntityError"] = await editing.RemoveAsync(id, entityId, ct);
        return Redirect($"/articles/{id}#entities");
    }
}

/// <summary>The Entities page: a filtered list, the re-evaluation's progress, and any message from the last action.</summary>
public sealed record EntityListPage(string? Q, Articles.Paged<EntitySummary> Entities, Provenance.ReevaluationState Reevaluation, string? Error);
