namespace Marketplace.Pricing.Domain;

/// <summary>A finalized agreement as market statistics see it: its category, its price per reference unit, and whether it sat at a band edge.</summary>
public sealed record AgreementRecord(
    Guid AgreementId, string? ProcessStage, string? DataType, decimal PricePerReferenceUnit, bool AtFloor, bool AtCeiling, DateTime FinalizedAt);
