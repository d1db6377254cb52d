using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Pricing.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Marketplace.Pricing;

/// <summary>Baselines, price bands, quotes and vouchers. Only the module's frame exists so far.</summary>
public sealed class PricingModule : MarketplaceModule
{
    public const string ModuleName = "pricing";

    public override string Name => ModuleName;

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<PricingDb>(ModuleName);
        builder.Services.AddModuleOpenApi(ModuleName);
    }

    public override void MapEndpoints(WebApplication app)
    {
    }
}
