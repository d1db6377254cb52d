using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Pricing;

namespace Marketplace.Pricing.Domain;

/// <summary>
/// A subsidy for eligible buyers (SMEs and/or named organisations): a percentage of the agreed price, up
/// to a cap per agreement, within a total budget and a validity window. The budget never goes negative:
/// <see cref="Reserved"/> is a concurrency token, and reservations happen one at a time per programme.
/// </summary>
public sealed class VoucherProgramme
{
    private VoucherProgramme()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public bool ForSmes { get; private set; }

    public Guid[] Organisations { get; private set; } = [];

    public decimal SubsidyPercent { get; private set; }

    public decimal CapPerAgreementKrw { get; private set; }

    public decimal BudgetKrw { get; private set; }

    public decimal Reserved { get; private set; }

    public DateTime ValidFrom { get; private set; }

    public DateTime ValidTo { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public decimal RemainingKrw => BudgetKrw - Reserved;

    public static VoucherProgramme Create(
        string? name, bool forSmes, Guid[]? organisations, decimal subsidyPercent, decimal capPerAgreement, decimal budget,
        DateTime? validFrom, DateTime? validTo, string createdBy, DateTime now)
    {
        organisations ??= [];
        new Validator()
            .Require(!string.IsNullOrWhiteSpace(name), "name", "Required.")
            .MaxLength(name, 200, "name")
            .Require(forSmes || organisations.Length > 0, "forSmes", "Name who is eligible: SMEs, named organisations, or both.")
            .Require(organisations.Length <= 1000 && organisations.All(o => o != Guid.Empty), "organisations", "At most 1000 organisation ids, none empty.")
            .Require(subsidyPercent is > 0 and <= 100, "subsidyPercent", "Must be more than 0 and at most 100.")
            .Require(capPerAgreement > 0 && Money.IsWholeWon(capPerAgreement), "capPerAgreementKrw", "Must be whole won above 0, at most 1,000,000,000,000.")
            .Require(budget > 0 && Money.IsWholeWon(budget), "budgetKrw", "Must be whole won above 0, at most 1,000,000,000,000.")
            .Require(validFrom is not null, "validFrom", "Required: when the programme opens.")
            .Require(validTo is not null, "validTo", "Required: when the programme closes.")
            .Require(validFrom is null || validTo is null || validFrom < validTo, "validTo", "Must be after validFrom.")
            .ThrowIfInvalid();
        return new VoucherProgramme
        {
            Id = Guid.NewGuid(),
            Name = name!.Trim(),
            ForSmes = forSmes,
            Organisations = [.. organisations.Distinct()],
            SubsidyPercent = subsidyPercent,
            CapPerAgreementKrw = capPerAgreement,
            BudgetKrw = budget,
            ValidFrom = validFrom!.Value,
            ValidTo = validTo!.Value,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    public bool Covers(Guid buyer, bool buyerIsSme, DateTime at) =>
        at >= ValidFrom && at < ValidTo && ((ForSmes && buyerIsSme) || Organisations.Contains(buyer));

    /// <summary>What this programme would pay towards <paramref name="price"/>: the percentage, capped, within what is left, never more than the price.</summary>
    public decimal SubsidyFor(decimal price) =>
        Math.Max(0m, Math.Min(Math.Min(Math.Min(ReferencePrice.Won(price * SubsidyPercent / 100m), CapPerAgreementKrw), RemainingKrw), price));

    /// <summary>
    /// The one programme that subsidises an agreement: of those covering the buyer, the one that pays the buyer
    /// most (the earliest created on a tie), or none. Subsidies never stack: one agreement, at most one voucher.
    /// </summary>
    public static VoucherProgramme? BestFor(IEnumerable<VoucherProgramme> programmes, Guid buyer, bool buyerIsSme, DateTime at, decimal price) =>
        programmes.Where(p => p.Covers(buyer, buyerIsSme, at) && p.SubsidyFor(price) > 0)
            .OrderByDescending(p => p.SubsidyFor(price)).ThenBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .FirstOrDefault();

    public VoucherReservation Reserve(Guid agreementId, Guid buyer, decimal price, DateTime now)
    {
        var amount = SubsidyFor(price);
        Reserved += amount;
        return new VoucherReservation(Id, agreementId, buyer, amount, now);
    }
}
