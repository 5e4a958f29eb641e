using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyTracker.Tests.Support;
using PolicyTracker.Web.Data;
using PolicyTracker.Web.Live;
using PolicyTracker.Web.ScaleOut;

namespace PolicyTracker.Tests.ScaleOut;

/// <summary>The database side of several nodes on a real PostgreSQL: start-up, leases and the event order.</summary>
public sealed class PostgresTests(PostgresAndRedis servers) : IClassFixture<PostgresAndRedis>
{
    void Require() => RequiredPrograms.Require(servers.Missing is null, servers.Missing ?? "");

    [Fact]
    public async Task Nodes_starting_together_create_the_database_and_migrate_it_once()
    {
        Require();
        var connection = servers.NewDatabase();
        await using var a = PostgresNode.Services(connection);
        await using var b = PostgresNode.Services(connection);

        await Task.WhenAll(PostgresNode.MigrateAsync(a), PostgresNode.MigrateAsync(b));

        await using var scope = a.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
    }

    [Fact]
    public async Task A_lease_is_held_by_one_node_until_released_or_expired()
    {
        Require();
        var connection = servers.NewDatabase();
        await using var a = PostgresNode.Services(connection);
        await using var b = PostgresNode.Services(connection);
        await PostgresNode.MigrateAsync(a);
        var (leaseA, leaseB) = (a.GetRequiredService<Leases>(), b.GetRequiredService<Leases>());

        // Racing for a new lease: exactly one wins.
        var first = await Task.WhenAll(leaseA.TryClaimAsync("work", TimeSpan.FromMinutes(1)), leaseB.TryClaimAsync("work", TimeSpan.FromMinutes(1)));
        Assert.Single(first, won => won);
        var (holder, other) = first[0] ? (leaseA, leaseB) : (leaseB, leaseA);
        Assert.True(await holder.TryClaimAsync("work", TimeSpan.FromMinutes(1)), "the holder renews");
        Assert.False(await other.TryClaimAsync("work", TimeSpan.FromMinutes(1)));

        await holder.ReleaseAsync("work");
        Assert.True(await other.TryClaimAsync("work", TimeSpan.FromMilliseconds(300)));
        Assert.False(await holder.TryClaimAsync("work", TimeSpan.FromMinutes(1)));

        // The new holder "dies": once its claim lapses, the other takes the work over.
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.True(await holder.TryClaimAsync("work", TimeSpan.FromMinutes(1)));
        Assert.Equal(holder == leaseA ? a.GetRequiredService<NodeIdentity>().Id : b.GetRequiredService<NodeIdentity>().Id, await other.HolderAsync("work"));
    }

    [Fact]
    public async Task A_reader_following_the_events_never_skips_one_that_commits_late()
    {
        Require();
        var connection = servers.NewDatabase();
        await using var node = PostgresNode.Services(connection);
        await PostgresNode.MigrateAsync(node);

        // Writers take numbers and hold their transactions open for a random while, so without
        // ordering a later number would often commit first and a follower would pass the earlier one.
        var seen = new List<long>();
        using var stop = new CancellationTokenSource();
        var follower = Task.Run(async () =>
        {
            long last = 0;
            while (true)
            {
                await using var scope = node.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
                var batch = await db.Events.AsNoTracking().Where(e => e.Id > last).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
                seen.AddRange(batch);
                if (batch.Count > 0) last = batch[^1];
                else if (stop.IsCancellationRequested) return;
                await Task.Delay(2);
            }
        });
        var writers = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            await using var scope = node.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrackerDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Events.Add(TrackerEvent.Create(EventTypes.ArticleUpdated, null, new { i }));
            await db.SaveChangesAsync();
            await Task.Delay(Random.Shared.Next(0, 60));
            await tx.CommitAsync();
        })).ToList();
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await follower;

        await using var check = node.CreateAsyncScope();
        var all = await check.ServiceProvider.GetRequiredService<TrackerDb>().Events.Select(e => e.Id).OrderBy(e => e).ToListAsync();
        Assert.Equal(60, all.Count);
        Assert.Equal(all, seen);
    }
}
