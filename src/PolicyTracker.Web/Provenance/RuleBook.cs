using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Shared;

namespace PolicyTracker.Web.Provenance;

/// <summary>Editors' changes to the phrase and pattern rules; every accepted change asks for re-evaluation.</summary>
public sealed class RuleBook(TrackerDb db, Reevaluation reevaluation)
{
    public Task<List<ProvenanceRule>> ListAsync(CancellationToken ct) =>
        db.ProvenanceRules.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Id).ToListAsync(ct);

    /// <summary>Adds a rule, or updates the one with the same id (raising its version). A bad rule changes nothing.</summary>
    public async Task<Result<ProvenanceRule>> SaveAsync(RuleInput input, bool creating, CancellationToken ct)
    {
        var id = input.Id?.Trim() ?? "";
        if (!System.Text.RegularExpressions.Regex.IsMatch(id, @"^[a-z0-9][a-z0-9.\-]{2,99}$"))
            return Result<ProvenanceRule>.Fail("The id must be 3 to 100 lower-case letters, digits, dots or dashes, e.g. disclosure.my-phrase.");
        if (!FlagKinds.All.Contains(input.Kind)) return Result<ProvenanceRule>.Fail($"'{input.Kind}' is not a flag kind; use one of {string.Join(", ", FlagKinds.All)}.");
        if (input.Severity is not ("info" or "warning" or "high")) return Result<ProvenanceRule>.Fail("Severity must be info, warning or high.");
        if (string.IsNullOrWhiteSpace(input.Pattern)) return Result<ProvenanceRule>.Fail("The pattern is empty.");
        if (input.Pattern.Length > ProvenanceRule.MaxPattern) return Result<ProvenanceRule>.Fail($"The pattern is longer than {ProvenanceRule.MaxPattern:N0} characters.");
        if (ProvenanceEngine.PatternError(input.Pattern) is { } error) return Result<ProvenanceRule>.Fail($"The pattern is not a valid regular expression: {error}");

        var rule = await db.ProvenanceRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (creating && rule is not null) return Result<ProvenanceRule>.Fail($"A rule with the id {id} exists already.");
        if (!creating && rule is null) return Result<ProvenanceRule>.Fail($"There is no rule {id}.");
        if (rule is null)
        {
            rule = new ProvenanceRule { Id = id, Kind = input.Kind, Severity = input.Severity, Pattern = input.Pattern };
            db.ProvenanceRules.Add(rule);
        }
        else
        {
            rule.Version++;
        }
        (rule.Kind, rule.Severity, rule.Pattern, rule.SelfReferenceOnly, rule.Description, rule.Enabled, rule.UpdatedAt) =
            (input.Kind, input.Severity, input.Pattern, input.SelfReferenceOnly, input.Description?.Trim(), input.Enabled, DateTime.UtcNow);
        await db.SaveChangesAsync(ct);
        await reevaluation.RequestAsync(ct);
        return Result<ProvenanceRule>.Ok(rule);
    }
}

/// <summary>A rule as a form or the API sends it.</summary>
public sealed record RuleInput(string? Id, string Kind, string Severity, string Pattern, bool SelfReferenceOnly, string? Description, bool Enabled = true);
