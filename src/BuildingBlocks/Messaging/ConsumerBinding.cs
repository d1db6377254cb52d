namespace Marketplace.BuildingBlocks.Messaging;

/// <summary>
/// One consumer of one event type in this process (registered by <c>AddModuleConsumer</c>). The consumer is known by its
/// type, not its name: two modules may each have a consumer of the same name (both keep a dataset copy).
/// </summary>
public sealed record ConsumerBinding(Type MessageType, Type Consumer);
