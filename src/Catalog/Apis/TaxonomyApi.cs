using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Catalog.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Catalog.Apis;

/// <summary>The controlled vocabularies, with Korean and English labels (public).</summary>
public static class TaxonomyApi
{
    public sealed record TaxonomyResponse(
        IReadOnlyList<Term> ProcessStages,
        IReadOnlyList<Term> Isa95Levels,
        IReadOnlyList<Term> Industries,
        IReadOnlyList<Term> DataTypes,
        IReadOnlyList<Term> Formats,
        IReadOnlyList<Term> UpdateFrequencies,
        IReadOnlyList<Term> Purposes,
        IReadOnlyList<Term> EquipmentTypeSuggestions);

    private static readonly TaxonomyResponse Response = new(
        Taxonomy.ProcessStages, Taxonomy.Isa95Levels, Taxonomy.Industries, Taxonomy.DataTypes, Taxonomy.Formats,
        Taxonomy.UpdateFrequencies, Taxonomy.Purposes, Taxonomy.EquipmentTypeSuggestions);

    public static IEndpointRouteBuilder MapTaxonomyApi(this IEndpointRouteBuilder app)
    {
        app.MapModuleGroup(CatalogModule.ModuleName, "/taxonomy", "Taxonomy")
            .MapGet("/", GetTaxonomy).AllowAnonymous().WithName("GetTaxonomy")
            .WithSummary("Process stages, ISA-95 levels, KSIC divisions, data types, formats, update frequencies, purposes, equipment suggestions");
        return app;
    }

    public static Ok<TaxonomyResponse> GetTaxonomy() => TypedResults.Ok(Response);
}
