namespace Marketplace.BuildingBlocks.Messaging;

/// <summary>One consumer of one event type in this process (registered by <c>AddModuleConsumer</c>).</summary>
public sealed record ConsumerBinding(Type MessageType, string Consumer);
