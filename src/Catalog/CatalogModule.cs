using Marketplace.BuildingBlocks.Hosting;
using Marketplace.Catalog.Apis;
using Marketplace.Catalog.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Marketplace.Catalog;

/// <summary>Dataset metadata listings: what providers offer and buyers browse.</summary>
public sealed class CatalogModule : DataModule<CatalogDb>
{
    public const string ModuleName = "catalog";

    public override string Name => ModuleName;

    public override void MapEndpoints(WebApplication app) => app.MapDatasetsApi();
}
