using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Pricing;
using Marketplace.Contracts.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Contracts.Infrastructure;

/// <summary>
/// Checks a proposed price against the band of the baseline version in force (Contracts' own copies of
/// <c>BaselinePublished</c>), computed with the same <see cref="ReferencePrice"/> formula Pricing quotes with.
/// </summary>
public static class PriceBands
{
    public static async Task<PriceCheck> CheckAsync(ContractsDb db, DatasetCopy dataset, ContractTerms terms, decimal price, DateTime at, CancellationToken ct)
    {
        var stage = dataset.Facts.ProcessStage;
        var type = dataset.DataType;
        var candidates = await db.Baselines.AsNoTracking()
            .Where(b => b.EffectiveFrom <= at && ((b.ProcessStage == stage && b.DataType == type) || (b.ProcessStage == null && b.DataType == null)))
            .ToListAsync(ct);
        var baseline = InForce(candidates, stage, type) ?? InForce(candidates, null, null)
            ?? throw new RuleViolationException($"No pricing baseline is in force for this dataset's category at {at:O}; negotiation is not possible yet.");

        // Of several purposes, the band is the one of the purpose the baseline values most: dataset a
        // cheap purpose first cannot lower the price of a more valuable use.
        var purpose = terms.Purposes.MaxBy(p => baseline.Factors.PurposeMultipliers.GetValueOrDefault(p))!;
        var reference = ReferencePrice.Compute(baseline.BasePrice, baseline.Factors, dataset.PriceInputs, new QuoteTerms(purpose, terms.DurationMonths, terms.Exclusive));
        var check = new PriceCheck(baseline.BaselineId, baseline.Version, baseline.BasePrice, reference.ReferenceKrw, reference.FloorKrw, reference.CeilingKrw, purpose);
        if (!reference.InBand(price))
        {
            throw new RuleViolationException(
                $"{price:0} KRW is outside the band {check.BandFloorKrw:0}–{check.BandCeilingKrw:0} KRW of baseline version {check.BaselineVersion} for these terms.",
                "priceKrw").With("band", check);
        }

        return check;
    }

    private static BaselineCopy? InForce(IEnumerable<BaselineCopy> candidates, string? stage, string? type) =>
        candidates.Where(b => b.ProcessStage == stage && b.DataType == type)
            .OrderByDescending(b => b.EffectiveFrom).ThenByDescending(b => b.Version)
            .FirstOrDefault();
}
