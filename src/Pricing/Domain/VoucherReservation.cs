namespace Marketplace.Pricing.Domain;

/// <summary>A subsidy set aside for one agreement; one per programme and agreement.</summary>
public sealed record VoucherReservation(Guid ProgrammeId, Guid AgreementId, Guid BuyerOrganisationId, decimal AmountKrw, DateTime ReservedAt);
