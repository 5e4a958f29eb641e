using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PolicyTracker.Web.Articles;

/// <summary>An outlet, keyed by its domain, with the credibility editors gave it.</summary>
public sealed class Source
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case host without a leading "www.", or a slug of the name when no address is known.</summary>
    public required string Domain { get; set; }
    public Credibility Credibility { get; set; } = Credibility.Unknown;
    public string? Note { get; set; }
    /// <summary>True when the tracker first met this outlet in coverage rather than from the seed list or an editor.</summary>
    public bool Discovered { get; set; }

    /// <summary>Whether editors know the outlet: seeded, added by them, or rated. Others raise unknown-source.</summary>
    public bool KnownToEditors => IsKnown(Discovered, Credibility);

    /// <summary>The rule behind <see cref="KnownToEditors"/>, for queries that read the two fields alone.</summary>
    public static bool IsKnown(bool discovered, Credibility credibility) => !discovered || credibility != Credibility.Unknown;
}

/// <summary>How far editors trust a source.</summary>
public enum Credibility
{
    Unknown,
    Credible,
    SlightlyCredible,
    NotCredible,
}

sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> source)
    {
        source.Property(s => s.Name).HasMaxLength(300);
        source.Property(s => s.Domain).HasMaxLength(300);
        source.HasIndex(s => s.Domain).IsUnique();
        source.Property(s => s.Credibility).HasConversion(
            c => CredibilityNames.ToWire(c), s => CredibilityNames.Parse(s) ?? Credibility.Unknown).HasMaxLength(32);
    }
}

/// <summary>The wire names of <see cref="Credibility"/>: credible, slightly_credible, not_credible, unknown.</summary>
public static class CredibilityNames
{
    public static string ToWire(Credibility c) => c switch
    {
        Credibility.Credible => "credible",
        Credibility.SlightlyCredible => "slightly_credible",
        Credibility.NotCredible => "not_credible",
        _ => "unknown",
    };

    public static Credibility? Parse(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "credible" => Credibility.Credible,
        "slightly_credible" => Credibility.SlightlyCredible,
        "not_credible" => Credibility.NotCredible,
        "unknown" => Credibility.Unknown,
        _ => null,
    };
}
