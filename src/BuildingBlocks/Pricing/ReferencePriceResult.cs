namespace Marketplace.BuildingBlocks.Pricing;

/// <summary>The reference price of a dataset for some terms (whole won), its band, and every factor.</summary>
/// <param name="Unrounded">The reference before rounding, from which fees and other shares are taken.</param>
public sealed record ReferencePriceResult(
    IReadOnlyList<PriceFactor> Factors, decimal Unrounded, decimal ReferenceKrw, decimal FloorKrw, decimal CeilingKrw, string QualityGrade)
{
    public bool InBand(decimal priceKrw) => priceKrw >= FloorKrw && priceKrw <= CeilingKrw;
}
