namespace Marketplace.BuildingBlocks.Messaging;

/// <summary>Proof that a consumer has applied a message; its key makes a second application impossible.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public string Consumer { get; init; } = "";

    public DateTime ProcessedAt { get; init; }

    public string? CorrelationId { get; init; }
}
