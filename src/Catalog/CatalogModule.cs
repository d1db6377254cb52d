using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Catalog.Apis;
using Marketplace.Catalog.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Marketplace.Catalog;

/// <summary>Dataset metadata listings: what providers offer and buyers browse.</summary>
public sealed class CatalogModule : MarketplaceModule
{
    public const string ModuleName = "catalog";

    public override string Name => ModuleName;

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.AddModuleDbContext<CatalogDb>(ModuleName);
        builder.Services.AddModuleOpenApi(ModuleName);
    }

    public override void MapEndpoints(WebApplication app) => app.MapDatasetsApi();
}
