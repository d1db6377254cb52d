using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.Tests.Harness;

namespace Marketplace.BuildingBlocks.Tests;

/// <summary>Work one replica at a time does on a module's PostgreSQL database (migrations, seeding, sweeps).</summary>
public sealed class ClusterLockTests
{
    [Fact]
    public async Task A_sweep_is_skipped_while_another_process_holds_it_and_taken_once_released()
    {
        await using var host = await ModuleHost.StartAsync(DatabaseProvider.Postgres, TimeSpan.FromMinutes(5));
        await host.WithDbAsync(async first => await host.WithDbAsync(async second =>
        {
            var held = await ClusterLock.TryAcquireAsync(first, "expiry-sweep", CancellationToken.None);
            Assert.NotNull(held);
            Assert.Null(await ClusterLock.TryAcquireAsync(second, "expiry-sweep", CancellationToken.None));
            // Another purpose on the same database is another lock.
            await using (var other = await ClusterLock.TryAcquireAsync(second, "token-pruning", CancellationToken.None))
            {
                Assert.NotNull(other);
            }

            await held.DisposeAsync();
            await using var taken = await ClusterLock.TryAcquireAsync(second, "expiry-sweep", CancellationToken.None);
            Assert.NotNull(taken);
            return true;
        }));
    }

    [Fact]
    public async Task Seeding_waits_for_the_replica_that_holds_it()
    {
        await using var host = await ModuleHost.StartAsync(DatabaseProvider.Postgres, TimeSpan.FromMinutes(5));
        await host.WithDbAsync(async first => await host.WithDbAsync(async second =>
        {
            var held = await ClusterLock.AcquireAsync(first, "seeding", CancellationToken.None);
            var waiting = ClusterLock.AcquireAsync(second, "seeding", CancellationToken.None);
            // Whatever the machine's speed, the second cannot have it while the first holds it.
            await Eventually.HoldsAsync(async () => await Sql.CountAsync(TestServices.Postgres,
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") >= 1, TimeSpan.FromSeconds(30), "the second replica to wait for the lock");
            Assert.False(waiting.IsCompleted);

            await held.DisposeAsync();
            await using var taken = await waiting.WaitAsync(TestServices.Scaled(TimeSpan.FromSeconds(30)));
            return true;
        }));
    }
}
