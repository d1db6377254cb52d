using System.Text.Json;
using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.ServiceDefaults;

namespace Marketplace.BuildingBlocks.Messaging;

/// <summary>An integration event waiting in the module's database to be published.</summary>
public sealed class OutboxMessage
{
    /// <summary>Database order of writing; the dispatcher publishes in this order.</summary>
    public long Id { get; private set; }

    /// <summary>Becomes the MassTransit message id, which consumers' inboxes deduplicate on.</summary>
    public Guid MessageId { get; private set; }

    /// <summary>Full name of the event type in <see cref="IIntegrationEvent"/>'s namespace.</summary>
    public string Type { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTime OccurredAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The request (or message) that caused the event; travels as the X-Correlation-Id header.</summary>
    public string? CorrelationId { get; private set; }

    public static OutboxMessage From(IIntegrationEvent integrationEvent, DateTime now) => new()
    {
        MessageId = Guid.NewGuid(),
        Type = integrationEvent.GetType().FullName!,
        Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), JsonSerializerOptions.Web),
        OccurredAt = now,
        CorrelationId = CorrelationContext.Current,
    };

    public (object Message, Type Type) Deserialize()
    {
        var type = typeof(IIntegrationEvent).Assembly.GetType(Type)
            ?? throw new InvalidOperationException($"Outbox message {MessageId} has unknown event type '{Type}'.");
        var message = JsonSerializer.Deserialize(Payload, type, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Outbox message {MessageId} has an empty payload.");
        return (message, type);
    }

    public void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
    }
}
