using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PolicyTracker.Web.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL keeps the database
/// consistent after a crash and syncs at checkpoints instead of at every commit, which is
/// what makes one transaction per article affordable; foreign keys are on as always.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Pragmas stay set on the physical connection, which the pool hands out again and again.
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = [];

    static void Apply(DbConnection connection)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle }) return;
        if (Configured.TryGetValue(handle, out _)) return;
        Configured.AddOrUpdate(handle, handle);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
