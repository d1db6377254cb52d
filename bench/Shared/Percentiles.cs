namespace Marketplace.Bench;

/// <summary>The nearest-rank percentile of latencies sorted ascending (0 when there are none), as the load generators report them.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
