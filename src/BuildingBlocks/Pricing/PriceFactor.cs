namespace Marketplace.BuildingBlocks.Pricing;

/// <summary>One factor of a price, with its labels, its multiplier and what it changed (in won, rounded for display).</summary>
public sealed record PriceFactor(string Code, string LabelKo, string LabelEn, string Basis, decimal Multiplier, decimal EffectKrw);
