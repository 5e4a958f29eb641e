using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Data;

namespace PolicyTracker.Tests.ScaleOut;

/// <summary>Each provider has its own committed migration set, and each matches the model.</summary>
public sealed class MigrationSetTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new TrackerDb(new DbContextOptionsBuilder<TrackerDb>().UseSqlite("Data Source=:memory:").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration: dotnet ef migrations add Name --project src/PolicyTracker.Web --context TrackerDb --output-dir Data/Migrations");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        // Checking the model never connects, so no server is needed here.
        using var db = new PostgresTrackerDb(new DbContextOptionsBuilder<PostgresTrackerDb>().UseNpgsql("Host=localhost;Database=unused").Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Add a PostgreSQL migration: dotnet ef migrations add Name --project src/PolicyTracker.Web --context PostgresTrackerDb --output-dir Data/PostgresMigrations");
    }

    [Fact]
    public void The_two_sets_are_separate()
    {
        using var sqlite = new TrackerDb(new DbContextOptionsBuilder<TrackerDb>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresTrackerDb(new DbContextOptionsBuilder<PostgresTrackerDb>().UseNpgsql("Host=localhost;Database=unused").Options);
        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
    }
}
