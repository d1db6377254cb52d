using Marketplace.Pricing.Domain;

namespace Marketplace.Pricing.Apis;

public sealed record VoucherProgrammeRequest(
    string? Name, decimal SubsidyPercent, decimal CapPerAgreementKrw, decimal BudgetKrw, DateTime? ValidFrom, DateTime? ValidTo,
    bool ForSmes = false, Guid[]? Organisations = null);

public sealed record VoucherProgrammeResponse(
    Guid Id, string Name, bool ForSmes, Guid[] Organisations, decimal SubsidyPercent, decimal CapPerAgreementKrw, decimal BudgetKrw,
    decimal ReservedKrw, decimal RemainingKrw, int Reservations, DateTime ValidFrom, DateTime ValidTo)
{
    public static VoucherProgrammeResponse From(VoucherProgramme p, int reservations) => new(
        p.Id, p.Name, p.ForSmes, p.Organisations, p.SubsidyPercent, p.CapPerAgreementKrw, p.BudgetKrw, p.Reserved, p.RemainingKrw,
        reservations, p.ValidFrom, p.ValidTo);
}
