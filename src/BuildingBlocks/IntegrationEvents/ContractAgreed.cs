namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>The provider agreed and signed the agreement document with this hash.</summary>
public sealed record ContractAgreed(
    Guid NegotiationId, Guid AgreementId, string AgreementHash, Guid DatasetId, Guid ProviderOrganisationId, Guid BuyerOrganisationId,
    decimal PriceKrw, DateTime At) : IIntegrationEvent;
