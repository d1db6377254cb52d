namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>A standard offer takes no more requests.</summary>
/// <param name="Reason">
/// <c>provider</c> (its provider withdrew it), <c>outside-band</c> (a baseline now in force puts its price outside the band),
/// <c>terms-not-offered</c> (the dataset's new version no longer offers its terms), <c>dataset-withdrawn</c> or <c>dataset-suspended</c>.
/// </param>
public sealed record StandardOfferWithdrawn(Guid OfferId, Guid DatasetId, Guid ProviderOrganisationId, string Reason, DateTime At) : IIntegrationEvent;
