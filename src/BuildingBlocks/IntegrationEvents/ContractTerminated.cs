namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>
/// A negotiation ended without agreement, or a finalized agreement was ended early (then
/// <paramref name="AgreementId"/> names it and its access grants are revoked).
/// </summary>
/// <param name="TerminatedBy">buyer, provider or platform (expiry, dataset withdrawn or suspended).</param>
public sealed record ContractTerminated(
    Guid NegotiationId, Guid? AgreementId, Guid DatasetId, Guid ProviderOrganisationId, Guid BuyerOrganisationId,
    string TerminatedBy, string Reason, DateTime At) : IIntegrationEvent;
