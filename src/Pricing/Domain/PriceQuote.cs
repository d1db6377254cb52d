using Marketplace.BuildingBlocks.Pricing;

namespace Marketplace.Pricing.Domain;

/// <summary>
/// A priced request: the reference price (whole won, rounded once at the end), the band around it, the
/// baseline version used, every factor, the platform fee and the provider's net.
/// </summary>
public sealed record PriceQuote(
    Guid BaselineId,
    int BaselineVersion,
    bool DefaultBaseline,
    string Currency,
    decimal BasePriceKrw,
    IReadOnlyList<PriceFactor> Factors,
    decimal ReferencePriceKrw,
    decimal BandFloorKrw,
    decimal BandCeilingKrw,
    decimal PlatformFeePercent,
    decimal PlatformFeeKrw,
    decimal ProviderNetKrw,
    string QualityGrade);
