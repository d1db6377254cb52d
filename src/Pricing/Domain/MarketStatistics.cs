using Marketplace.BuildingBlocks.Pricing;

namespace Marketplace.Pricing.Domain;

/// <summary>Statistics of one category's agreements, only where there are enough that no single deal shows.</summary>
public sealed record CategoryStatistics(
    string? ProcessStage, string? DataType, int Agreements, decimal LowerQuartile, decimal Median, decimal UpperQuartile,
    decimal ShareAtFloor, decimal ShareAtCeiling, bool RecalibrationHint);

public static class MarketStatistics
{
    public const int MinimumAgreements = 5;

    public static IReadOnlyList<CategoryStatistics> Of(IEnumerable<AgreementRecord> agreements) =>
        [.. agreements
            .GroupBy(a => (a.ProcessStage, a.DataType))
            .Where(g => g.Count() >= MinimumAgreements)
            .Select(g =>
            {
                var prices = g.Select(a => a.PricePerReferenceUnit).Order().ToArray();
                var n = prices.Length;
                var atFloor = (decimal)g.Count(a => a.AtFloor) / n;
                var atCeiling = (decimal)g.Count(a => a.AtCeiling) / n;
                return new CategoryStatistics(g.Key.ProcessStage, g.Key.DataType, n,
                    ReferencePrice.Won(Quantile(prices, 0.25m)), ReferencePrice.Won(Quantile(prices, 0.5m)), ReferencePrice.Won(Quantile(prices, 0.75m)),
                    decimal.Round(atFloor, 3), decimal.Round(atCeiling, 3), atFloor + atCeiling > 0.5m);
            })
            .OrderBy(s => s.ProcessStage).ThenBy(s => s.DataType)];

    /// <summary>Linear interpolation between closest ranks (the common "type 7" definition), in decimal.</summary>
    public static decimal Quantile(decimal[] sorted, decimal q)
    {
        var position = (sorted.Length - 1) * q;
        var lower = (int)decimal.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
