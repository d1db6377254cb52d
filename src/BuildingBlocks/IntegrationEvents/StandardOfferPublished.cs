namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>
/// A provider published a standard offer on its dataset: fixed terms at a price inside the band, which a buyer may
/// request as they are; with <paramref name="AutoAgree"/> the platform agrees to such a request on the provider's behalf.
/// </summary>
public sealed record StandardOfferPublished(
    Guid OfferId, Guid DatasetId, Guid ProviderOrganisationId, decimal PriceKrw, string[] Purposes, int DurationMonths, bool Exclusive,
    bool AutoAgree, DateTime At) : IIntegrationEvent;
