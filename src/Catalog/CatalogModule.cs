using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Catalog.Apis;
using Marketplace.Catalog.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Catalog;

/// <summary>Dataset metadata datasets: what providers offer and buyers browse, search and export as DCAT-AP.</summary>
public sealed class CatalogModule : DataModule<CatalogDb>
{
    public const string ModuleName = "catalog";

    public override string Name => ModuleName;

    protected override ApiDocument Document => new(
        "Marketplace Catalog",
        "Metadata datasets of manufacturing datasets (never the data): providers list, edit and publish them; anyone browses, searches in Korean or English and exports DCAT-AP 3.",
        new Dictionary<string, string>
        {
            ["Taxonomy"] = "The controlled vocabularies datasets are classified by (process stage, ISA-95 level, industry, data type, format, purpose), in Korean and English.",
            ["Search"] = "Full-text search over published datasets with facets and keyset paging.",
            ["Datasets"] = "A provider's datasets: drafts, published versions, edits (JSON Merge Patch or whole documents), withdrawal and suspension.",
            ["DCAT-AP"] = "The catalog and each dataset as DCAT-AP 3 JSON-LD, for harvesters and data portals.",
        });

    protected override void AddModuleServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DatasetSearch>();
        // Before the demo seeding: a fresh database records the tokens version with nothing to re-tokenise.
        builder.Services.AddHostedService<SearchIndexUpgrade>();
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
