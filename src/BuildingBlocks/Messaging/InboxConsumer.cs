using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Messaging;

/// <summary>
/// Applies each message at most once per consumer: the handler's changes and the inbox row are saved
/// in one transaction, and a message id already in the inbox is skipped. Brokers deliver at least once
/// (and the outbox may publish twice after a crash), so every consumer of an integration event derives
/// from this.
/// </summary>
public abstract class InboxConsumer<TMessage, TDb>(TDb db, TimeProvider clock, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TDb : ModuleDbContext
{
    protected TDb Db { get; } = db;

    protected TimeProvider Clock { get; } = clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be deduplicated.");
        var consumer = ConsumerName.Of(GetType());
        var ct = context.CancellationToken;
        var correlationId = context.Headers.Get<string>(CorrelationIdMiddleware.Header);
        // Events the handler emits, and every log line of this message, carry the originating request's id.
        CorrelationContext.Current = correlationId;
        using var scope = logger.BeginScope("CorrelationId:{CorrelationId}", correlationId);

        var delivery = context.GetServiceOrCreateInstance<InProcessDelivery>();
        if (await AlreadyProcessedAsync(messageId, consumer, ct))
        {
            logger.LogInformation("Skipping duplicate {MessageType} {MessageId} in {Consumer}", typeof(TMessage).Name, messageId, consumer);
            delivery.Acknowledge(messageId, GetType());
            return;
        }

        try
        {
            // One transaction for the handler's reads and writes and the inbox row, so a handler may lock
            // what it reads (see the voucher reservations) and nothing of a failed attempt remains.
            await using var transaction = await Db.Database.BeginTransactionAsync(ct);
            await HandleAsync(context.Message, ct);
            Db.InboxMessages.Add(new InboxMessage
            {
                MessageId = messageId, Consumer = consumer, ProcessedAt = Clock.GetUtcNow().UtcDateTime, CorrelationId = correlationId,
            });
            await Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            Db.ChangeTracker.Clear();
            if (!await AlreadyProcessedAsync(messageId, consumer, ct))
            {
                throw;
            }

            // A concurrent delivery of the same message committed first; its result stands.
            logger.LogInformation("Concurrent duplicate {MessageType} {MessageId} in {Consumer} dropped", typeof(TMessage).Name, messageId, consumer);
        }

        delivery.Acknowledge(messageId, GetType());
    }

    /// <summary>Stages the message's effect on <see cref="Db"/>; the base class saves it with the inbox row.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken ct);

    private Task<bool> AlreadyProcessedAsync(Guid messageId, string consumer, CancellationToken ct) =>
        Db.InboxMessages.AsNoTracking().AnyAsync(i => i.MessageId == messageId && i.Consumer == consumer, ct);
}
