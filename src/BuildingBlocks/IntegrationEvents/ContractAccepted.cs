namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>The buyer accepted the provider's offer.</summary>
public sealed record ContractAccepted(
    Guid NegotiationId, Guid DatasetId, Guid ProviderOrganisationId, Guid BuyerOrganisationId, int Round, decimal PriceKrw, DateTime At) : IIntegrationEvent;
