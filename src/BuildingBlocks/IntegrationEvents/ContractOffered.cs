namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>The provider offered the requested terms or its own.</summary>
public sealed record ContractOffered(
    Guid NegotiationId, Guid DatasetId, Guid ProviderOrganisationId, Guid BuyerOrganisationId, int Round, decimal PriceKrw, DateTime At) : IIntegrationEvent;
