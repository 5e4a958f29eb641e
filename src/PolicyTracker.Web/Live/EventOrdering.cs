using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyTracker.Web.Live;

/// <summary>
/// Makes event numbers commit in the order they were given, so a reader that follows
/// "every event after N" can never skip one that commits late. SQLite admits one writer
/// at a time, which already gives that order. On PostgreSQL the command that inserts into
/// the events table first takes a transaction-scoped advisory lock in the same batch, so
/// the number is drawn under the lock and the lock is held until the transaction commits.
/// </summary>
public sealed class EventOrdering : DbCommandInterceptor
{
    /// <summary>Key of the PostgreSQL advisory lock that serializes event inserts.</summary>
    public const long AdvisoryLockKey = 0x5054_4556; // "PTEV"

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Serialize(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        Serialize(command);
        return ValueTask.FromResult(result);
    }

    internal static void Serialize(DbCommand command)
    {
        if (command.GetType().Name == "NpgsqlCommand"
            && command.CommandText.Contains("INSERT INTO \"Events\"", StringComparison.Ordinal))
        {
            // A DO block returns no result set, so EF still reads the insert's RETURNING first; in one
            // batch it shares the insert's transaction even when EF opened none (a single command).
            command.CommandText = $"DO $$ BEGIN PERFORM pg_advisory_xact_lock({AdvisoryLockKey}); END $$;\n" + command.CommandText;
        }
    }
}
