namespace Marketplace.BuildingBlocks.Pricing;

/// <summary>Amounts of money on the wire: whole Korean won, never negative, never beyond <see cref="MaxKrw"/>.</summary>
public static class Money
{
    /// <summary>One trillion won: far above any data contract, and well inside what canonical JSON writes exactly (2^53).</summary>
    public const decimal MaxKrw = 1_000_000_000_000m;

    public const string WholeWonRule = "Must be whole won from 0 to 1,000,000,000,000.";

    public static bool IsWholeWon(decimal? amount) => amount is >= 0 and <= MaxKrw && amount == decimal.Truncate(amount.Value);
}
