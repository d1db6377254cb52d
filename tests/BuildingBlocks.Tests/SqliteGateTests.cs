using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.BuildingBlocks.Tests;

/// <summary>On SQLite a module's connections take turns in the process (<see cref="SqliteGate{TDb}"/>).</summary>
public sealed class SqliteGateTests
{
    private static readonly TimeSpan NoPolling = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Many_writers_at_once_each_commit_their_row_and_its_event()
    {
        await using var host = await ModuleHost.StartAsync(DatabaseProvider.Sqlite, NoPolling);
        var dataset = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => host.WithDbAsync(db =>
        {
            db.Applications.Add(new Application { DatasetId = dataset, Title = $"writer {i}" });
            return db.SaveChangesAsync();
        }))));

        Assert.Equal(40, await host.ApplicationsAsync(dataset));
    }

    [Fact]
    public async Task A_connection_opened_while_another_of_the_module_is_held_goes_ahead_after_the_gates_patience()
    {
        await using var host = await ModuleHost.StartAsync(DatabaseProvider.Sqlite, NoPolling);
        var dataset = Guid.NewGuid();

        // One flow holds a connection open (as a transaction would) and, inside it, another context of the same module
        // writes: the inner one must not wait for the outer forever.
        var written = await host.WithDbAsync(async outer =>
        {
            await outer.Database.OpenConnectionAsync();
            try
            {
                return await host.WithDbAsync(inner =>
                {
                    inner.Applications.Add(new Application { DatasetId = dataset, Title = "nested" });
                    return inner.SaveChangesAsync();
                });
            }
            finally
            {
                await outer.Database.CloseConnectionAsync();
            }
        });

        Assert.Equal(1, written);
        Assert.Equal(1, await host.ApplicationsAsync(dataset));
    }
}
