using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.BuildingBlocks.Messaging;

/// <summary>
/// Publishes a module's outbox rows, a batch at a time in the order they were written, and marks them sent. Woken by <see cref="OutboxSignal{TDb}"/>
/// after each commit, and polls as a fallback (after a crash or a broker outage nothing waits for a signal).
/// Delivery is at least once: a row is marked sent after the broker confirmed it (RabbitMQ) or after every
/// consumer in the process committed it (in-memory bus, <see cref="InProcessDelivery"/>), so a crash in
/// between publishes it again and the consumers' inboxes drop the copy.
/// </summary>
public sealed class OutboxDispatcher<TDb>(
    IServiceScopeFactory scopes,
    OutboxSignal<TDb> signal,
    IBus bus,
    IBusControl busControl,
    BrokerTopology topology,
    InProcessDelivery delivery,
    IOptions<MarketplaceOptions> marketplace,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TDb>> logger) : BackgroundService where TDb : ModuleDbContext
{
    private readonly bool _inMemory = marketplace.Value.Bus.Transport == BusTransport.InMemory;

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        stoppingToken.Register(() => started.TrySetResult());
        return started.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before the host has started and the bus, its receive endpoints included, is up: an event
        // published earlier reaches no queue in this process and is lost (found with the demo seeds, which
        // commit events while the host is still starting).
        await WhenStartedAsync(stoppingToken);
        while (busControl.CheckHealth().Status == BusHealthStatus.Unhealthy && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // Nor before every consumer's queue exists on the broker, including those of modules not started yet.
        await topology.Deployed.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        var options = marketplace.Value.Outbox;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            BatchResult result;
            try
            {
                result = await DispatchBatchAsync(options, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox of {Context} could not be read", typeof(TDb).Name);
                result = BatchResult.Failed;
            }

            switch (result)
            {
                case BatchResult.Failed:
                    failures++;
                    // Back off while the broker or database is away, but never longer than the poll interval.
                    var delay = TimeSpan.FromMilliseconds(Math.Min(options.PollInterval.TotalMilliseconds, 100 * Math.Pow(2, failures)));
                    await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    break;
                case BatchResult.Full:
                    failures = 0;
                    break;
                default:
                    failures = 0;
                    await signal.WaitAsync(options.PollInterval, stoppingToken);
                    break;
            }
        }
    }

    private async Task<BatchResult> DispatchBatchAsync(OutboxOptions options, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        // PostgreSQL: the batch's rows stay locked until their sent marks commit, so replicas share the work. SQLite
        // has one dispatcher per file (one process) and needs no lock; a transaction there would hold the file's write
        // lock while publishing and waiting for the consumers, and every request writing to the module would wait
        // behind it (in 150 ms retries: the all-in-one p99, docs/benchmarks.md).
        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(ct) : null;

        var batch = await UnsentAsync(db, options.BatchSize, ct);
        var result = batch.Count == options.BatchSize ? BatchResult.Full : BatchResult.Done;
        // The batch's publishes are in flight together and their confirmations awaited afterwards: one confirmation
        // round trip per batch instead of one per row (awaiting each row's confirmation in turn published about 50 events/s
        // under load while the service wrote 330/s; docs/benchmarks.md). They leave in the rows' order; consumers do not
        // rely on order (several messages of a queue are consumed at once; copies apply versions).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.PublishTimeout);
        var published = new List<(OutboxMessage Message, Task Delivered)>(batch.Count);
        foreach (var message in batch)
        {
            try
            {
                var (payload, type) = message.Deserialize();
                // RabbitMQ's publish completes once the broker confirmed the message; the in-memory bus's as soon as
                // it is queued, so there the row also waits until every consumer has committed it.
                var delivered = _inMemory ? delivery.ExpectAsync(message.MessageId, type) : Task.CompletedTask;
                var publish = bus.Publish(payload, type, context =>
                {
                    context.MessageId = message.MessageId;
                    if (message.CorrelationId is not null)
                    {
                        context.Headers.Set(CorrelationIdMiddleware.Header, message.CorrelationId);
                    }
                }, timeout.Token);
                published.Add((message, Task.WhenAll(publish, delivered).WaitAsync(timeout.Token)));
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // A row that cannot even be read (unknown type, broken payload) stops the batch here; it is retried.
                Fail(message, ex);
                break;
            }
        }

        var sent = new List<long>(published.Count);
        foreach (var (message, delivered) in published)
        {
            try
            {
                await delivered;
                sent.Add(message.Id);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Unsent rows are published again from the next batch on; consumers that already committed them skip the copy.
                Fail(message, ex);
            }
        }

        void Fail(OutboxMessage message, Exception ex)
        {
            var error = ex is OperationCanceledException
                ? $"Not confirmed{(_inMemory ? " and committed by every consumer" : "")} within {options.PublishTimeout}."
                : ex.Message;
            logger.LogWarning(ex, "Publishing outbox message {MessageId} ({Type}) failed: {Error}", message.MessageId, message.Type, error);
            message.MarkFailed(error);
            delivery.Forget(message.MessageId);
            result = BatchResult.Failed;
        }

        // The sent rows in one statement (not one UPDATE each); a failed row's attempt and error through its entity.
        if (sent.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.OutboxMessages.Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(
                set => set.SetProperty(m => m.SentAt, now).SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null),
                CancellationToken.None);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        if (transaction is not null)
        {
            await transaction.CommitAsync(CancellationToken.None);
        }

        return result;
    }

    /// <summary>
    /// On PostgreSQL the rows are locked with SKIP LOCKED, so replicas of a service share the work
    /// instead of publishing the same rows; SQLite runs in one process and needs no lock.
    /// </summary>
    private static Task<List<OutboxMessage>> UnsentAsync(TDb db, int batchSize, CancellationToken ct)
    {
        var query = db.Database.IsNpgsql()
            ? db.OutboxMessages.FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY id LIMIT {batchSize} FOR UPDATE SKIP LOCKED")
            : db.OutboxMessages.Where(m => m.SentAt == null).OrderBy(m => m.Id).Take(batchSize);
        return query.ToListAsync(ct);
    }

    private enum BatchResult
    {
        Done,
        Full,
        Failed,
    }
}
