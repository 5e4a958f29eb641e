namespace PolicyTracker.Web.Entities;

/// <summary>One entry of <c>content/entities.json</c>.</summary>
public sealed record EntitySeed(string Name, string Type, List<string>? Aliases, string? Country);
