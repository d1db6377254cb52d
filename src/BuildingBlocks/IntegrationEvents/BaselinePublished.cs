namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>
/// An administrator published a pricing baseline version. It carries the whole version, so Contracts can
/// check negotiated prices against the band locally. Published versions never change.
/// </summary>
/// <param name="ProcessStage">Null with <paramref name="DataType"/> null: the default baseline for categories without their own.</param>
public sealed record BaselinePublished(
    Guid BaselineId,
    string? ProcessStage,
    string? DataType,
    int Version,
    string Currency,
    decimal BasePrice,
    BaselineFactors Factors,
    DateTime EffectiveFrom,
    DateTime PublishedAt) : IIntegrationEvent;
