namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>
/// A published dataset has a new version (its provider edited it), or is listed again after an
/// administrator reinstated it. Carries the whole current version, like <see cref="DatasetPublished"/>.
/// </summary>
public sealed record DatasetUpdated(
    Guid DatasetId,
    int Version,
    Guid ProviderOrganisationId,
    string? TitleKo,
    string? TitleEn,
    DateTime UpdatedAt,
    DatasetFacts Facts) : IIntegrationEvent;
