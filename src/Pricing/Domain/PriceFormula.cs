using Marketplace.BuildingBlocks.Pricing;

namespace Marketplace.Pricing.Domain;

/// <summary>A quote: the shared <see cref="ReferencePrice"/> of a baseline, plus the platform fee and the provider's net.</summary>
public static class PriceFormula
{
    public static PriceQuote Quote(Baseline baseline, DatasetCopy dataset, QuoteTerms terms)
    {
        var f = baseline.Factors;
        var price = ReferencePrice.Compute(baseline.BasePrice, f, dataset.PriceInputs, terms);
        var feePercent = dataset.MetadataScore >= ReferencePrice.WellDescribedScore ? f.WellDescribedFeePercent : f.PlatformFeePercent;
        var fee = ReferencePrice.Won(price.Unrounded * feePercent / 100m);
        return new PriceQuote(
            baseline.Id, baseline.Version, baseline.IsDefault, Baseline.Currency, baseline.BasePrice, price.Factors,
            price.ReferenceKrw, price.FloorKrw, price.CeilingKrw, feePercent, fee, price.ReferenceKrw - fee, price.QualityGrade);
    }
}
