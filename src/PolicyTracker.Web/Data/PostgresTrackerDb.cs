using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PolicyTracker.Web.Data;

/// <summary>
/// The same model on PostgreSQL. A type of its own only so that its migrations form a separate
/// set: <c>dotnet ef migrations add Name --project src/PolicyTracker.Web --context PostgresTrackerDb --output-dir Data/PostgresMigrations</c>.
/// Everything else asks for <see cref="TrackerDb"/>.
/// </summary>
public sealed class PostgresTrackerDb(DbContextOptions<PostgresTrackerDb> options) : TrackerDb(options);

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server (adding migrations never connects).</summary>
public sealed class PostgresTrackerDbFactory : IDesignTimeDbContextFactory<PostgresTrackerDb>
{
    public PostgresTrackerDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresTrackerDb>()
        .UseNpgsql(Environment.GetEnvironmentVariable("Database__ConnectionString") ?? "Host=localhost;Database=policytracker")
        .Options);
}
