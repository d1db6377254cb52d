namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>
/// The factors of a pricing baseline, applied to its base price for one reference unit (one dataset,
/// 12 months of use, non-exclusive, internal operations). Multipliers are decimals (1.2 = +20 %).
/// </summary>
/// <param name="VolumeTiers">By record count: the tier with the largest <c>From</c> not above the dataset's count applies.</param>
/// <param name="HistoryTiers">By months of temporal coverage, the same way.</param>
/// <param name="QualityGrades">Multiplier per grade A, B, C (A: completeness ≥ 80 and labelled; B: completeness ≥ 60).</param>
/// <param name="PurposeMultipliers">Per purpose code of the catalog taxonomy; every purpose has one.</param>
/// <param name="DurationStepAbove12">Added to the duration multiplier per month beyond 12.</param>
/// <param name="DurationStepBelow12">Taken off the duration multiplier per month below 12.</param>
/// <param name="FloorPercent">Band floor as a percentage of the reference price (e.g. 70).</param>
/// <param name="CeilingPercent">Band ceiling as a percentage of the reference price (e.g. 150).</param>
/// <param name="PlatformFeePercent">The platform's fee on an agreement, in percent of the price.</param>
/// <param name="WellDescribedFeePercent">The fee for datasets with a completeness score of at least 80.</param>
public sealed record BaselineFactors(
    Tier[] VolumeTiers,
    Tier[] HistoryTiers,
    Dictionary<string, decimal> QualityGrades,
    decimal ExclusivityMultiplier,
    Dictionary<string, decimal> PurposeMultipliers,
    decimal DurationStepAbove12,
    decimal DurationStepBelow12,
    decimal FloorPercent,
    decimal CeilingPercent,
    decimal PlatformFeePercent,
    decimal WellDescribedFeePercent);

/// <summary>From this value upwards (records, or months of history), the multiplier applies.</summary>
public sealed record Tier(long From, decimal Multiplier);
