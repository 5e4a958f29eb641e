using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolicyTracker.Web.Accounts;
using PolicyTracker.Web.Infrastructure;
using PolicyTracker.Web.Live;

namespace PolicyTracker.Web.Data;

/// <summary>The database: where it lives, how it is opened, and what start-up does to it.</summary>
public static class DatabaseSetup
{
    static readonly SqlitePragmas Pragmas = new();
    static readonly EventOrdering Ordering = new();

    /// <summary>Registers <see cref="TrackerDb"/> on the configured provider and keeps Data Protection keys in it.</summary>
    public static IServiceCollection AddTrackerDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<EventSignal>();
        services.AddSingleton<EventSignalInterceptor>();
        // Pooled: a request borrows a ready context instead of building options and services anew.
        // The context type depends on the provider, so it is read here; the settings check names a wrong value later.
        var postgres = new DatabaseSettings { Provider = configuration["Database:Provider"] ?? "Sqlite" }.IsPostgres;
        if (postgres)
            services.AddDbContextPool<TrackerDb, PostgresTrackerDb>((sp, o) => o
                .UseNpgsql(sp.GetRequiredService<TrackerSettings>().Database.ConnectionString)
                .AddInterceptors(Ordering, sp.GetRequiredService<EventSignalInterceptor>()));
        else
            services.AddDbContextPool<TrackerDb>((sp, o) => o
                // One JSON array parameter for `ids.Contains(x)`: the SQL stays the same whatever the list's length.
                .UseSqlite(ConnectionString(sp), sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(Pragmas, Ordering, sp.GetRequiredService<EventSignalInterceptor>()));
        // So that `dotnet ef --context PostgresTrackerDb` can build it without a server (adding a migration never connects).
        if (EF.IsDesignTime && !postgres) services.AddDbContext<PostgresTrackerDb>(o => o.UseNpgsql("Host=localhost;Database=policytracker"));

        // Keys in the database: cookies survive restarts and work on every node.
        services.AddDataProtection().SetApplicationName("PolicyTracker").PersistKeysToDbContext<TrackerDb>();
        return services;
    }

    /// <summary>Creates the data folder, applies migrations (EF Core holds a lock meanwhile) and seeds the roles.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        Directory.CreateDirectory(services.GetRequiredService<DataFolder>().Path);
        await using var scope = services.CreateAsyncScope();
        await MigrateDatabaseAsync(scope.ServiceProvider.GetRequiredService<TrackerDb>(), ct);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role)) continue;
            try
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
            catch (DbUpdateException)
            {
                // Another node starting at the same time may have created it; forget the failed insert and look.
                scope.ServiceProvider.GetRequiredService<TrackerDb>().ChangeTracker.Clear();
                if (!await roles.RoleExistsAsync(role)) throw;
            }
        }
    }

    /// <summary>
    /// Applies the migrations and puts SQLite in write-ahead-log mode (readers never wait for the writer).
    /// On PostgreSQL it creates the database when missing and allowed, and migrates under an advisory lock.
    /// </summary>
    public static async Task MigrateDatabaseAsync(TrackerDb db, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            await PostgresMigration.MigrateAsync(db, ct);
            return;
        }
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    static string ConnectionString(IServiceProvider sp) =>
        sp.GetRequiredService<TrackerSettings>().Database.ConnectionString
        ?? new SqliteConnectionStringBuilder { DataSource = sp.GetRequiredService<DataFolder>().DatabasePath, Pooling = true }.ToString();
}
