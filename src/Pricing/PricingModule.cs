using Marketplace.BuildingBlocks.Hosting;
using Marketplace.Pricing.Infrastructure;

namespace Marketplace.Pricing;

/// <summary>Baselines, price bands, quotes and vouchers. Only the module's frame exists so far.</summary>
public sealed class PricingModule : DataModule<PricingDb>
{
    public override string Name => "pricing";
}
