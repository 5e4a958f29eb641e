using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PolicyTracker.Web.Accounts;

namespace PolicyTracker.Web.Provenance;

/// <summary>The Rules page: Editors add, edit and disable phrase and pattern rules, and see re-evaluation progress.</summary>
[Route("rules")]
[Authorize(Policy = Policies.Editor)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class RulesController(RuleBook rules, Reevaluation reevaluation) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => Show(null, null, null, ct);

    [HttpPost("")]
    public async Task<IActionResult> Save(RuleForm form, CancellationToken ct)
    {
        var input = new RuleInput(form.Id, form.Kind ?? "", form.Severity ?? "", form.Pattern ?? "", form.SelfReferenceOnly, form.Description, form.Enabled);
        var saved = await rules.SaveAsync(input, form.Creating, ct);
        return saved.Succeeded
            ? await Show($"Saved rule {saved.Value!.Id} (version {saved.Value.Version}); articles are being re-evaluated.", null, null, ct)
            : await Show(null, saved.Error, form, ct);
    }

    async Task<IActionResult> Show(string? message, string? error, RuleForm? form, CancellationToken ct) =>
        View("Rules", new RulesPage(await rules.ListAsync(ct), await reevaluation.StateAsync(ct), message, error, form));
}

/// <summary>A rule as the form posts it.</summary>
public sealed record RuleForm(string? Id, string? Kind, string? Severity, string? Pattern, bool SelfReferenceOnly, string? Description, bool Enabled, bool Creating);

public sealed record RulesPage(IReadOnlyList<ProvenanceRule> Rules, ReevaluationState Progress, string? Message, string? Error, RuleForm? Form);

/// <summary>Rules over HTTP (Editors).</summary>
[ApiController]
[Route("api/rules")]
[Authorize(Policy = Policies.Editor)]
public sealed class RulesApiController(RuleBook rules, Reevaluation reevaluation) : ControllerBase
{
    /// <summary>Every rule, enabled or not.</summary>
    [HttpGet]
    public Task<List<ProvenanceRule>> List(CancellationToken ct) => rules.ListAsync(ct);

    /// <summary>How far the re-evaluation after the last rule change has come.</summary>
    [HttpGet("reevaluation")]
    public Task<ReevaluationState> Progress(CancellationToken ct) => reevaluation.StateAsync(ct);

    /// <summary>Adds a rule; an invalid pattern is refused and nothing changes.</summary>
    [HttpPost]
    [ProducesResponseType<ProvenanceRule>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public Task<IActionResult> Add(RuleInput input, CancellationToken ct) => Save(input, true, ct);

    /// <summary>Edits a rule (its version goes up); an invalid pattern is refused and nothing changes.</summary>
    [HttpPut("{id}")]
    [ProducesResponseType<ProvenanceRule>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public Task<IActionResult> Edit(string id, RuleInput input, CancellationToken ct) => Save(input with { Id = id }, false, ct);

    async Task<IActionResult> Save(RuleInput input, bool creating, CancellationToken ct)
    {
        var saved = await rules.SaveAsync(input, creating, ct);
        if (!saved.Succeeded)
        {
            ModelState.AddModelError("pattern", saved.Error!);
            return ValidationProblem(ModelState);
        }
        return creating ? Created($"/api/rules/{saved.Value!.Id}", saved.Value) : Ok(saved.Value);
    }
}
