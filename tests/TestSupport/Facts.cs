using Marketplace.BuildingBlocks.IntegrationEvents;

namespace Marketplace.TestSupport;

/// <summary>The facts of a plain public dataset, for events a test publishes itself.</summary>
public static class Facts
{
    public static readonly DatasetFacts PublicDataset = new(
        "production", ["sensor-time-series"], "C29", 1_000, 10_000, null, null, 40, false, ["research"], 1, 12, false, 1_000_000m, null);
}
