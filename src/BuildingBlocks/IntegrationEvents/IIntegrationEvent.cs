namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>
/// Marker for the facts one module tells the others. Records in this namespace are the only thing
/// modules share about each other; MassTransit routes them by full type name, so the namespace stays
/// stable and changes are additive (a breaking change is a new type).
/// </summary>
public interface IIntegrationEvent;
