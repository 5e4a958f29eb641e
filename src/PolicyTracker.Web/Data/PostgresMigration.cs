using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PolicyTracker.Web.Data;

/// <summary>
/// Brings a PostgreSQL database up to date when several nodes may start at once: the database
/// is created when missing (if the role may), then one node at a time migrates, holding a
/// session advisory lock; the others wait, then find nothing left to apply.
/// </summary>
public static class PostgresMigration
{
    /// <summary>Key of the advisory lock held while migrating.</summary>
    public const long LockKey = 0x5054_4d49; // "PTMI"

    /// <summary>Creates the database if needed and applies the migrations under the lock.</summary>
    public static async Task MigrateAsync(TrackerDb db, CancellationToken ct)
    {
        await CreateIfMissingAsync(db, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({LockKey})", ct);
            try
            {
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task CreateIfMissingAsync(TrackerDb db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct)) return;
        try
        {
            await creator.CreateAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another node created it first.
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new Infrastructure.InvalidSettingException("Database:ConnectionString",
                $"the database does not exist and this role may not create it ({e.MessageText}); create it first.");
        }
    }
}
