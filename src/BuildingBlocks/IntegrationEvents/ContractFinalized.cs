namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>
/// A negotiation reached FINALIZED: the agreement is in force. Pricing reserves voucher subsidies
/// against it (exactly once) and feeds its market statistics from it.
/// </summary>
/// <param name="BasePriceKrw">The baseline's price of one reference unit.</param>
/// <param name="ReferencePriceKrw">The baseline's reference price for the agreed dataset and terms (the base price with every factor).</param>
public sealed record ContractFinalized(
    Guid AgreementId,
    Guid DatasetId,
    int DatasetVersion,
    Guid ProviderOrganisationId,
    Guid BuyerOrganisationId,
    bool BuyerIsSme,
    string? ProcessStage,
    string? DataType,
    Guid BaselineId,
    int BaselineVersion,
    decimal PriceKrw,
    decimal BasePriceKrw,
    decimal ReferencePriceKrw,
    decimal BandFloorKrw,
    decimal BandCeilingKrw,
    string Purpose,
    int DurationMonths,
    bool Exclusive,
    DateTime FinalizedAt) : IIntegrationEvent;
