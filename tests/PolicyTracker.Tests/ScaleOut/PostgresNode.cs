using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Infrastructure;
using PolicyTracker.Web.ScaleOut;

namespace PolicyTracker.Tests.ScaleOut;

/// <summary>The app's database services on PostgreSQL without the web host: one per simulated node.</summary>
public static class PostgresNode
{
    /// <summary>Services over <paramref name="connectionString"/>, with their own node identity.</summary>
    public static ServiceProvider Services(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(SettingsCheck.Load(configuration));
        services.AddSingleton(new DataFolder(Path.Combine(Path.GetTempPath(), "policytracker-tests", "unused")));
        services.AddTrackerDatabase(configuration);
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<Leases>();
        return services.BuildServiceProvider();
    }

    /// <summary>Applies the migrations as start-up does.</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await DatabaseSetup.MigrateDatabaseAsync(scope.ServiceProvider.GetRequiredService<TrackerDb>());
    }
}
