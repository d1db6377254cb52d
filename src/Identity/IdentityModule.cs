using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Identity.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Marketplace.Identity;

/// <summary>Organisations, users, API clients and the token server. Only the module's frame exists so far.</summary>
public sealed class IdentityModule : MarketplaceModule
{
    public const string ModuleName = "identity";

    public override string Name => ModuleName;

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<IdentityDb>(ModuleName);
        builder.Services.AddModuleOpenApi(ModuleName);
    }

    public override void MapEndpoints(WebApplication app)
    {
    }
}
