namespace Marketplace.BuildingBlocks.Hosting;

/// <summary>What this process runs: every module (all-in-one) or a single one (microservices mode).</summary>
public sealed record HostingTarget(string Name)
{
    public const string All = "all";

    /// <summary>Configuration key the host sets to the chosen target, readable while services are being added.</summary>
    public const string ConfigurationKey = "Marketplace:Target";
}
