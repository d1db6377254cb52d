using Marketplace.BuildingBlocks.Hosting;
using Marketplace.Catalog.Apis;
using Marketplace.Catalog.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Catalog;

/// <summary>Dataset metadata listings: what providers offer and buyers browse, search and export as DCAT-AP.</summary>
public sealed class CatalogModule : DataModule<CatalogDb>
{
    public const string ModuleName = "catalog";

    public override string Name => ModuleName;

    protected override void AddModuleServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DatasetSearch>();
        builder.Services.AddHostedService<CatalogSeeder>();
    }

    public override void MapEndpoints(WebApplication app)
    {
        app.MapTaxonomyApi();
        app.MapSearchApi();
        app.MapDatasetsApi();
        app.MapDcatApi();
    }
}
