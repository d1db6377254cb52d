namespace Marketplace.Contracts.Domain;

/// <summary>
/// How a proposed price was checked: the baseline version in force when it was proposed, the reference
/// price of the dataset for the proposed terms under it, and the band the price sat in.
/// </summary>
/// <param name="PricingPurpose">The purpose the reference was computed for: of several, the one the baseline values most.</param>
public sealed record PriceCheck(
    Guid BaselineId, int BaselineVersion, decimal BasePriceKrw, decimal ReferencePriceKrw, decimal BandFloorKrw, decimal BandCeilingKrw, string PricingPurpose);
