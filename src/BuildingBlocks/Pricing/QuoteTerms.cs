namespace Marketplace.BuildingBlocks.Pricing;

/// <summary>The terms a price is asked for.</summary>
public sealed record QuoteTerms(string Purpose, int DurationMonths, bool Exclusive);
