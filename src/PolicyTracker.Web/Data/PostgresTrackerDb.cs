using Microsoft.EntityFrameworkCore;

namespace PolicyTracker.Web.Data;

/// <summary>
/// The same model on PostgreSQL. A type of its own only so that its migrations form a separate
/// set: <c>dotnet ef migrations add Name --project src/PolicyTracker.Web --context PostgresTrackerDb --output-dir Data/PostgresMigrations</c>.
/// Everything else asks for <see cref="TrackerDb"/>.
/// </summary>
public sealed class PostgresTrackerDb(DbContextOptions<PostgresTrackerDb> options) : TrackerDb(options);
