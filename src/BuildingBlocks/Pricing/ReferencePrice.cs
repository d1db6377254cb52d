using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Vocabulary;

namespace Marketplace.BuildingBlocks.Pricing;

/// <summary>
/// What a published baseline means: reference = base × volume × history × quality × exclusivity ×
/// purpose × duration, in decimal, rounded to whole won once at the end (half away from zero); the band
/// is rounded the same way from the unrounded reference. No floating point anywhere. Shared like the
/// events, because Pricing quotes with it and Contracts checks negotiated prices with it, each from its
/// own copy of <see cref="BaselinePublished"/> (decision 006).
/// </summary>
public static class ReferencePrice
{
    public const int WellDescribedScore = 80;

    public static ReferencePriceResult Compute(decimal basePrice, BaselineFactors f, DatasetPriceInputs dataset, QuoteTerms terms)
    {
        var grade = GradeOf(dataset.MetadataScore, dataset.Labelled);
        var steps = new (string Code, string Ko, string En, string Basis, decimal Multiplier)[]
        {
            ("volume", "데이터 규모", "Volume", $"{dataset.RecordCount} records", TierOf(f.VolumeTiers, dataset.RecordCount)),
            ("history", "이력 기간", "History length", $"{dataset.HistoryMonths} months", TierOf(f.HistoryTiers, dataset.HistoryMonths)),
            ("quality", "품질 등급", "Quality grade", $"grade {grade} (metadata score {dataset.MetadataScore}/100, {(dataset.Labelled ? "labelled" : "unlabelled")})", f.QualityGrades[grade]),
            ("exclusivity", "독점 사용", "Exclusivity", terms.Exclusive ? "exclusive" : "non-exclusive", terms.Exclusive ? f.ExclusivityMultiplier : 1m),
            ("purpose", "이용 목적", "Purpose", terms.Purpose, f.PurposeMultipliers[terms.Purpose]),
            ("duration", "이용 기간", "Duration", $"{terms.DurationMonths} months", DurationMultiplier(f, terms.DurationMonths)),
        };

        var price = basePrice;
        var factors = new List<PriceFactor>();
        foreach (var (code, ko, en, basis, multiplier) in steps)
        {
            var next = price * multiplier;
            factors.Add(new PriceFactor(code, ko, en, basis, multiplier, Won(next) - Won(price)));
            price = next;
        }

        return new ReferencePriceResult(factors, price, Won(price), Won(price * f.FloorPercent / 100m), Won(price * f.CeilingPercent / 100m), grade);
    }

    /// <summary>A: completeness ≥ 80 and labelled; B: completeness ≥ 60; C otherwise.</summary>
    public static string GradeOf(int completenessScore, bool labelled) =>
        completenessScore >= WellDescribedScore && labelled ? "A" : completenessScore >= 60 ? "B" : "C";

    /// <summary>The multiplier of the highest tier whose lower bound the value reaches.</summary>
    public static decimal TierOf(Tier[] tiers, long value) => tiers.Last(t => t.From <= value).Multiplier;

    /// <summary>1 for 12 months; plus a step per month beyond, minus a step per month below.</summary>
    public static decimal DurationMultiplier(BaselineFactors f, int months) =>
        months >= 12 ? 1m + ((months - 12) * f.DurationStepAbove12) : 1m - ((12 - months) * f.DurationStepBelow12);

    public static decimal Won(decimal amount) => decimal.Round(amount, 0, MidpointRounding.AwayFromZero);

    public static bool IsPurpose(string? purpose) => Taxonomy.IsKnown(Taxonomy.Purposes, purpose);
}
