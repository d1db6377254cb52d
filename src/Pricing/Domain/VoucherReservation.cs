namespace Marketplace.Pricing.Domain;

/// <summary>A subsidy set aside for one agreement; at most one per agreement.</summary>
public sealed record VoucherReservation(Guid ProgrammeId, Guid AgreementId, Guid BuyerOrganisationId, decimal AmountKrw, DateTime ReservedAt);
