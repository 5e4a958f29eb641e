using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Annotations;
using PolicyTracker.Web.Articles;
using PolicyTracker.Web.Feeds;
using PolicyTracker.Web.Live;
using PolicyTracker.Web.Provenance;

namespace PolicyTracker.Web.Data;

/// <summary>
/// The one database: the single source of truth that everything else is derived from.
/// SQLite migrations: <c>dotnet ef migrations add Name --project src/PolicyTracker.Web --context TrackerDb --output-dir Data/Migrations</c>;
/// PostgreSQL has its own set (see <see cref="PostgresTrackerDb"/>).
/// </summary>
public class TrackerDb(DbContextOptions options)
    : IdentityDbContext<TrackerUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<ArticleRevision> Revisions => Set<ArticleRevision>();
    public DbSet<Snapshot> Snapshots => Set<Snapshot>();
    public DbSet<Feed> Feeds => Set<Feed>();
    public DbSet<Flag> Flags => Set<Flag>();
    public DbSet<FlagAudit> FlagAudits => Set<FlagAudit>();
    public DbSet<ProvenanceRule> ProvenanceRules => Set<ProvenanceRule>();
    public DbSet<TrackerEvent> Events => Set<TrackerEvent>();
    public DbSet<Annotation> Annotations => Set<Annotation>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<SetupInvitation> SetupInvitations => Set<SetupInvitation>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AppState> AppState => Set<AppState>();
    public DbSet<Claims.Claim> Claims => Set<Claims.Claim>();
    public DbSet<Claims.ClaimAudit> ClaimAudits => Set<Claims.ClaimAudit>();
    public DbSet<Stories.StoryCluster> StoryClusters => Set<Stories.StoryCluster>();
    public DbSet<Stories.StoryMember> StoryMembers => Set<Stories.StoryMember>();
    public DbSet<Entities.Entity> Entities => Set<Entities.Entity>();
    public DbSet<Entities.EntityAlias> EntityAliases => Set<Entities.EntityAlias>();
    public DbSet<Entities.ArticleEntity> ArticleEntities => Set<Entities.ArticleEntity>();
    public DbSet<SavedSearches.SavedSearch> SavedSearches => Set<SavedSearches.SavedSearch>();
    public DbSet<SavedSearches.SavedSearchMatch> SavedSearchMatches => Set<SavedSearches.SavedSearchMatch>();
    public DbSet<SavedSearches.WebhookDelivery> WebhookDeliveries => Set<SavedSearches.WebhookDelivery>();
    public DbSet<ScaleOut.Lease> Leases => Set<ScaleOut.Lease>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrackerDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Every DateTime is stored and read back as UTC.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
