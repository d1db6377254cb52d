namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>
/// An administrator took the dataset off the marketplace until it is reinstated (then
/// <see cref="DatasetUpdated"/> follows): no new negotiations, open ones end.
/// </summary>
public sealed record DatasetSuspended(Guid DatasetId, int Version, Guid ProviderOrganisationId, string Reason, DateTime SuspendedAt) : IIntegrationEvent;
