namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>A provider published a dataset for the first time; buyers may now see and request it.</summary>
public sealed record DatasetPublished(
    Guid DatasetId,
    int Version,
    Guid ProviderOrganisationId,
    string? TitleKo,
    string? TitleEn,
    DateTime PublishedAt,
    DatasetFacts Facts) : IIntegrationEvent;
