namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>A buyer requested a dataset with proposed terms, or countered an offer (a later round).</summary>
public sealed record ContractRequested(
    Guid NegotiationId, Guid DatasetId, Guid ProviderOrganisationId, Guid BuyerOrganisationId, int Round, decimal PriceKrw, DateTime At) : IIntegrationEvent;
