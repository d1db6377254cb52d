namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>The provider withdrew the dataset for good: no new negotiations, open ones end.</summary>
public sealed record DatasetWithdrawn(Guid DatasetId, int Version, Guid ProviderOrganisationId, DateTime WithdrawnAt) : IIntegrationEvent;
