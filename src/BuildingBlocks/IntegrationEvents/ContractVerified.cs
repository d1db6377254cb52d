namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>The buyer verified and signed the agreement the provider signed.</summary>
public sealed record ContractVerified(
    Guid NegotiationId, Guid AgreementId, string AgreementHash, Guid DatasetId, Guid ProviderOrganisationId, Guid BuyerOrganisationId,
    decimal PriceKrw, DateTime At) : IIntegrationEvent;
