using Marketplace.BuildingBlocks.Hosting;
using Marketplace.Catalog;
using Marketplace.Contracts;
using Marketplace.Gateway;
using Marketplace.Identity;
using Marketplace.Pricing;
using Marketplace.Web;

namespace Marketplace.Host;

/// <summary>The only place that knows every module; modules never know each other.</summary>
public static class Modules
{
    public const string AllTarget = HostingTarget.All;

    public static IReadOnlyList<MarketplaceModule> All { get; } =
        [new CatalogModule(), new ContractsModule(), new PricingModule(), new IdentityModule(), new GatewayModule(), new WebModule()];

    public static IReadOnlyList<string> Targets { get; } = [AllTarget, .. All.Select(m => m.Name)];

    public static IReadOnlyList<MarketplaceModule> For(string target) =>
        target == AllTarget ? All : [All.Single(m => m.Name == target)];
}
