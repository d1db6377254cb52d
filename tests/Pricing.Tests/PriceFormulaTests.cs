using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Pricing;
using Marketplace.Pricing.Domain;
using Marketplace.Pricing.Infrastructure;

namespace Marketplace.Pricing.Tests;

/// <summary>
/// The formula against prices computed by hand. Factors (the demo baseline): volume 0.8 / 1.0 from
/// 100,000 / 1.3 from 10,000,000 / 1.6 from 1,000,000,000 records; history 0.9 / 1.0 from 12 / 1.2 from
/// 36 months; grades A 1.3, B 1.0, C 0.8; exclusive 2.5; purposes research 0.7, internal 1.0, product
/// development 1.3, AI training 1.5, resale 2.0; +0.05 per month above 12, −0.06 per month below;
/// band 70–150 %; fee 10 %, 7 % from metadata score 80.
/// </summary>
[Trait("Speed", "Fast")]
public sealed class PriceFormulaTests
{
    public static IEnumerable<object[]> Cases => new object[][]
    {
        // base, records, history months, metadata score, labelled, purpose, months, exclusive → reference, floor, ceiling, fee
        // 1: the reference unit itself: 1,000,000 × 1 × 1 × 1 × 1 × 1 × 1
        [1_000_000m, 100_000, 12, 70, false, "internal-operations", 12, false, 1_000_000m, 700_000m, 1_500_000m, 100_000m],
        // 2: one record below the tier edge: × 0.8
        [1_000_000m, 99_999, 12, 70, false, "internal-operations", 12, false, 800_000m, 560_000m, 1_200_000m, 80_000m],
        // 3: exactly on the 10,000,000 edge: × 1.3
        [1_000_000m, 10_000_000, 12, 70, false, "internal-operations", 12, false, 1_300_000m, 910_000m, 1_950_000m, 130_000m],
        // 4: 11 months of history (× 0.9), 36 months (× 1.2)
        [1_000_000m, 100_000, 11, 70, false, "internal-operations", 12, false, 900_000m, 630_000m, 1_350_000m, 90_000m],
        [1_000_000m, 100_000, 36, 70, false, "internal-operations", 12, false, 1_200_000m, 840_000m, 1_800_000m, 120_000m],
        // 6: grade A (80, labelled): × 1.3 and the 7 % fee: 1,300,000; fee 91,000
        [1_000_000m, 100_000, 12, 80, true, "internal-operations", 12, false, 1_300_000m, 910_000m, 1_950_000m, 91_000m],
        // 7: metadata score 80 unlabelled is grade B (× 1) but still the reduced fee
        [1_000_000m, 100_000, 12, 80, false, "internal-operations", 12, false, 1_000_000m, 700_000m, 1_500_000m, 70_000m],
        // 8: grade C (59): × 0.8
        [1_000_000m, 100_000, 12, 59, true, "internal-operations", 12, false, 800_000m, 560_000m, 1_200_000m, 80_000m],
        // 9: exclusive AI training for 24 months: 1.0 × 2.5 × 1.5 × (1 + 12 × 0.05 = 1.6) = 6,000,000
        [1_000_000m, 100_000, 12, 70, false, "ai-training", 24, true, 6_000_000m, 4_200_000m, 9_000_000m, 600_000m],
        // 10: research for 3 months: 0.7 × (1 − 9 × 0.06 = 0.46) = 322,000
        [1_000_000m, 100_000, 12, 70, false, "research", 3, false, 322_000m, 225_400m, 483_000m, 32_200m],
        // 11: rounding once at the end: 333,333 × 0.8 × 0.9 × 0.8 × 0.7 × 0.94 (11 months) = 126,335.7...
        //     (333,333 × 0.8 = 266,666.4; × 0.9 = 239,999.76; × 0.8 = 191,999.808; × 0.7 = 134,399.8656; × 0.94 = 126,335.873664)
        //     floor 70 % = 88,435.11 → 88,435; ceiling 150 % = 189,503.81 → 189,504; fee 10 % = 12,633.59 → 12,634
        [333_333m, 50_000, 6, 50, false, "research", 11, false, 126_336m, 88_435m, 189_504m, 12_634m],
        // 12: half a won rounds away from zero: 1,001 × 0.5... base 1,001, research (0.7) = 700.7 → 701; floor 490.49 → 490
        [1_001m, 100_000, 12, 70, false, "research", 12, false, 701m, 490m, 1_051m, 70m],
        // 13: the largest tiers: 1.6 × 1.2 × 1.3 (A) × 2.5 (exclusive) × 2.0 (resale) × 1.6 (24 months) = 19.968; fee 7 %
        [2_000_000m, 1_000_000_000, 48, 95, true, "derived-products-resale", 24, true, 39_936_000m, 27_955_200m, 59_904_000m, 2_795_520m],
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_reference_price_band_and_fee_match_the_hand_computed_table(
        decimal basePrice, long records, int historyMonths, int metadataScore, bool labelled, string purpose, int months, bool exclusive,
        decimal reference, decimal floor, decimal ceiling, decimal fee)
    {
        var quote = PriceFormula.Quote(Baseline(basePrice), Dataset(records, historyMonths, metadataScore, labelled), new QuoteTerms(purpose, months, exclusive));

        Assert.Equal(reference, quote.ReferencePriceKrw);
        Assert.Equal(floor, quote.BandFloorKrw);
        Assert.Equal(ceiling, quote.BandCeilingKrw);
        Assert.Equal(fee, quote.PlatformFeeKrw);
        Assert.Equal(reference - fee, quote.ProviderNetKrw);
        Assert.Equal(6, quote.Factors.Count);
    }

    [Fact]
    public void The_explanation_names_each_factor_and_its_effect_in_both_languages()
    {
        var quote = PriceFormula.Quote(Baseline(1_000_000m), Dataset(100_000, 12, 80, true), new QuoteTerms("ai-training", 12, false));

        Assert.Equal(["volume", "history", "quality", "exclusivity", "purpose", "duration"], quote.Factors.Select(f => f.Code));
        // The quality basis names the metadata score (how well the dataset is described), not the data's completeness.
        Assert.Equal("grade A (metadata score 80/100, labelled)", quote.Factors.Single(f => f.Code == "quality").Basis);
        var quality = quote.Factors.Single(f => f.Code == "quality");
        Assert.Equal(("품질 등급", "Quality grade", 1.3m, 300_000m), (quality.LabelKo, quality.LabelEn, quality.Multiplier, quality.EffectKrw));
        Assert.Equal(650_000m, quote.Factors.Single(f => f.Code == "purpose").EffectKrw);
        Assert.Equal("A", quote.QualityGrade);
    }

    internal static Baseline Baseline(decimal basePrice, string? stage = null, string? type = null)
    {
        var baseline = Domain.Baseline.Draft(stage, type, basePrice, PricingSeeder.DemoFactors(), "test", DateTime.UtcNow);
        baseline.Publish(1, DateTime.UtcNow, "test", DateTime.UtcNow);
        return baseline;
    }

    internal static DatasetCopy Dataset(long records, int historyMonths, int metadataScore, bool labelled)
    {
        var from = new DateOnly(2020, 1, 1);
        return new DatasetCopy
        {
            DatasetId = Guid.NewGuid(),
            RecordCount = records,
            CoverageFrom = from,
            CoverageTo = from.AddMonths(historyMonths - 1),
            MetadataScore = metadataScore,
            Labelled = labelled,
            ExclusivityAvailable = true,
            Listed = true,
        };
    }
}
