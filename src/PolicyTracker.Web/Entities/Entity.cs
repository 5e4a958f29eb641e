using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolicyTracker.Web.Articles;

namespace PolicyTracker.Web.Entities;

/// <summary>An organisation, model, government body, person, policy instrument or programme, under its canonical name.</summary>
public sealed class Entity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>One of <see cref="EntityTypes.All"/>.</summary>
    public required string Type { get; set; }
    public string? Country { get; set; }
    /// <summary>True when a pattern found it (an unseen model version) rather than the gazetteer or an editor.</summary>
    public bool Discovered { get; set; }
    public List<EntityAlias> Aliases { get; set; } = [];
}

/// <summary>Another way of writing an entity's name ("OSTP" for the Office of Science and Technology Policy).</summary>
public sealed class EntityAlias
{
    public int Id { get; set; }
    public int EntityId { get; set; }
    public required string Text { get; set; }
}

/// <summary>An entity in an article: where it is mentioned, and whether an editor added or removed it.</summary>
public sealed class ArticleEntity
{
    public int ArticleId { get; set; }
    public int EntityId { get; set; }
    public Entity? Entity { get; set; }
    /// <summary>JSON <c>[[start, end], …]</c> in code points of the canonical text.</summary>
    public string Mentions { get; set; } = "[]";
    public EntityOrigin Origin { get; set; }
}

/// <summary>How an entity came to be on an article (or not).</summary>
public enum EntityOrigin
{
    /// <summary>Found by the gazetteer or a pattern; re-evaluation may change it.</summary>
    Found = 0,
    /// <summary>Added by an editor: kept whatever re-evaluation finds.</summary>
    Added = 1,
    /// <summary>Removed by an editor: never shown again for this article.</summary>
    Removed = 2,
}

/// <summary>The entity types (as in <c>content/entities.json</c>).</summary>
public static class EntityTypes
{
    public const string Organization = "organization";
    public const string Model = "model";
    public const string GovernmentBody = "government_body";
    public const string Person = "person";
    public const string PolicyInstrument = "policy_instrument";
    public const string Programme = "programme";

    public static readonly string[] All = [Organization, Model, GovernmentBody, Person, PolicyInstrument, Programme];

    /// <summary>How a type reads on the page.</summary>
    public static string Label(string type) => type switch
    {
        Organization => "Organisation",
        Model => "Model or product",
        GovernmentBody => "Government body",
        Person => "Person",
        PolicyInstrument => "Policy instrument",
        Programme => "Programme",
        _ => type,
    };
}

sealed class EntityConfiguration : IEntityTypeConfiguration<Entity>
{
    public void Configure(EntityTypeBuilder<Entity> entity)
    {
        entity.Property(e => e.Name).HasMaxLength(300);
        entity.Property(e => e.Type).HasMaxLength(40);
        entity.Property(e => e.Country).HasMaxLength(10);
        entity.HasIndex(e => e.Name).IsUnique();
        entity.HasMany(e => e.Aliases).WithOne().HasForeignKey(a => a.EntityId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class EntityAliasConfiguration : IEntityTypeConfiguration<EntityAlias>
{
    public void Configure(EntityTypeBuilder<EntityAlias> alias)
    {
        alias.Property(a => a.Text).HasMaxLength(300);
        alias.HasIndex(a => new { a.EntityId, a.Text }).IsUnique();
    }
}

sealed class ArticleEntityConfiguration : IEntityTypeConfiguration<ArticleEntity>
{
    public void Configure(EntityTypeBuilder<ArticleEntity> link)
    {
        link.HasKey(l => new { l.ArticleId, l.EntityId });
        link.HasOne<Article>().WithMany().HasForeignKey(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.Entity).WithMany().HasForeignKey(l => l.EntityId).OnDelete(DeleteBehavior.Cascade);
        link.HasIndex(l => l.EntityId);
        link.Property(l => l.Origin).HasConversion<string>().HasMaxLength(16);
    }
}
