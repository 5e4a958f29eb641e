using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Infrastructure;
using PolicyTracker.Web.Ingestion;
using PolicyTracker.Web.SavedSearches;
using PolicyTracker.Web.Search;
using PolicyTracker.Web.Stories;
using PolicyTracker.Web.Entities;

namespace PolicyTracker.Benchmarks.Servers;

/// <summary>The app's ingestion and indexing services, wired as the app wires them, in this process, without a web server.</summary>
public sealed class PipelineHost : IAsyncDisposable
{
    readonly ServiceProvider services;

    PipelineHost(ServiceProvider services) => this.services = services;

    public IServiceProvider Services => services;

    /// <summary>Builds the services over a data folder (with extra <paramref name="settings"/>) and applies the migrations.</summary>
    public static async Task<PipelineHost> StartAsync(string dataPath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DataDirectory"] = dataPath })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSingleton(SettingsCheck.Load(configuration));
        collection.AddSingleton(new DataFolder(dataPath));
        collection.AddTrackerDatabase(configuration);
        collection.AddIngestion();
        collection.AddSearch();
        collection.AddStories();
        collection.AddEntities();
        collection.AddSavedSearches();
        var host = new PipelineHost(collection.BuildServiceProvider());
        Directory.CreateDirectory(dataPath);
        await using (var scope = host.services.CreateAsyncScope())
        {
            await DatabaseSetup.MigrateDatabaseAsync(scope.ServiceProvider.GetRequiredService<TrackerDb>());
            // The gazetteer, as the first run seeds it, so ingest finds entities as the app does.
            await scope.ServiceProvider.GetRequiredService<PolicyTracker.Web.Entities.EntitySeeder>().SeedIfEmptyAsync(BenchmarkPaths.RepositoryRoot);
        }
        return host;
    }

    /// <summary>Starts the index follower, as the serving app does.</summary>
    public Task StartIndexingAsync(CancellationToken ct) => services.GetRequiredService<IndexFollower>().StartAsync(ct);

    /// <summary>Waits until the index has applied every event in the database.</summary>
    public async Task WaitForIndexAsync(CancellationToken ct)
    {
        long last;
        await using (var scope = services.CreateAsyncScope())
            last = await scope.ServiceProvider.GetRequiredService<TrackerDb>().Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var index = services.GetRequiredService<SearchIndex>();
        while (index.LastEvent < last) await Task.Delay(5, ct);
    }

    /// <summary>Runs <paramref name="work"/> with a store of its own scope.</summary>
    public async Task WithStoreAsync(Func<ArticleStore, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<ArticleStore>());
    }

    public async ValueTask DisposeAsync()
    {
        await services.GetRequiredService<IndexFollower>().StopAsync(CancellationToken.None);
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
