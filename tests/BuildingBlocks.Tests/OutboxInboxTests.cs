using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.Tests.Harness;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.BuildingBlocks.Tests;

/// <summary>The outbox and inbox on both stores: SQLite with the in-memory bus, PostgreSQL with RabbitMQ.</summary>
public sealed class OutboxInboxTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    // Far longer than any test waits: a delivery within the test proves the commit woke the dispatcher.
    private static readonly TimeSpan NoPolling = TimeSpan.FromMinutes(5);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Committed_event_is_published_promptly_and_marked_sent(DatabaseProvider provider)
    {
        await using var host = await ModuleHost.StartAsync(provider, NoPolling);
        var datasetId = Guid.NewGuid();

        await host.WithDbAsync(db =>
        {
            db.AddEvent(Event(datasetId));
            return db.SaveChangesAsync();
        });

        await Eventually.HoldsAsync(async () => await host.ApplicationsAsync(datasetId) == 1, TimeSpan.FromSeconds(10), "the event to be applied");
        var sent = await Eventually.GetAsync(
            () => host.WithDbAsync(db => db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.SentAt != null)),
            TimeSpan.FromSeconds(10), "the outbox row to be marked sent");
        Assert.Equal(1, sent!.Attempts);
        Assert.Null(sent.LastError);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_backlog_of_several_batches_is_published_once_each_and_marked_sent(DatabaseProvider provider)
    {
        await using var host = await ModuleHost.StartAsync(provider, NoPolling);
        // 250 rows: two full batches of 100, whose publishes are in flight together, and a partial one.
        var datasets = Enumerable.Range(0, 250).Select(_ => Guid.NewGuid()).ToList();

        await host.WithDbAsync(db =>
        {
            datasets.ForEach(d => db.AddEvent(Event(d)));
            return db.SaveChangesAsync();
        });

        await Eventually.HoldsAsync(
            async () => await host.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt != null)) == datasets.Count,
            TimeSpan.FromSeconds(60), "every outbox row to be marked sent");
        // Each applied once (on RabbitMQ a row is sent once the broker confirmed it: the consumer may still be at work).
        await Eventually.HoldsAsync(
            async () => await host.WithDbAsync(db => db.Applications.CountAsync()) >= datasets.Count, TimeSpan.FromSeconds(60), "every event to be applied");
        var applied = await host.WithDbAsync(db => db.Applications.Select(a => a.DatasetId).ToListAsync());
        Assert.Equal(datasets.Order(), applied.Order());
        Assert.Equal(datasets.Count, await host.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Attempts == 1 && m.LastError == null)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Event_of_a_rolled_back_transaction_is_never_published(DatabaseProvider provider)
    {
        await using var host = await ModuleHost.StartAsync(provider, NoPolling);
        var rolledBack = Guid.NewGuid();
        var committed = Guid.NewGuid();

        await SaveEventInTransactionAsync(host, rolledBack, commit: false);
        await SaveEventInTransactionAsync(host, committed, commit: true);

        // The commit of an explicit transaction wakes the dispatcher too.
        await Eventually.HoldsAsync(async () => await host.ApplicationsAsync(committed) == 1, TimeSpan.FromSeconds(10), "the committed event");
        Assert.Equal(0, await host.ApplicationsAsync(rolledBack));
        Assert.Equal(1, await host.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Concurrent_deliveries_of_one_message_are_applied_once(DatabaseProvider provider)
    {
        await using var host = await ModuleHost.StartAsync(provider, NoPolling);
        var bus = (IBus)host.Services.GetService(typeof(IBus))!;
        var datasetId = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        const int deliveries = 20;
        var consumed = 0;
        using var observer = bus.ConnectConsumeMessageObserver(new CountingObserver(() => Interlocked.Increment(ref consumed)));

        await Task.WhenAll(Enumerable.Range(0, deliveries).Select(i =>
            bus.Publish(Event(datasetId) with { TitleEn = $"copy {i}" }, ctx => ctx.MessageId = messageId)));

        await Eventually.HoldsAsync(() => Task.FromResult(Volatile.Read(ref consumed) == deliveries), TimeSpan.FromSeconds(30), "every delivery to be consumed");
        Assert.Equal(1, await host.ApplicationsAsync(datasetId));
        Assert.Equal(1, await host.WithDbAsync(db => db.InboxMessages.CountAsync(i => i.MessageId == messageId)));
    }

    private static Task SaveEventInTransactionAsync(ModuleHost host, Guid datasetId, bool commit) =>
        host.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddEvent(Event(datasetId));
            await db.SaveChangesAsync();
            await (commit ? transaction.CommitAsync() : transaction.RollbackAsync());
            return 0;
        });

    private static DatasetPublished Event(Guid datasetId) =>
        new(datasetId, 1, Guid.NewGuid(), "센서", "Sensors", DateTime.UtcNow, Facts.PublicDataset);

    private sealed class CountingObserver(Action onConsumed) : IConsumeMessageObserver<DatasetPublished>
    {
        public Task PreConsume(ConsumeContext<DatasetPublished> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<DatasetPublished> context)
        {
            onConsumed();
            return Task.CompletedTask;
        }

        public Task ConsumeFault(ConsumeContext<DatasetPublished> context, Exception exception) => Task.CompletedTask;
    }
}
