using System.Security.Claims;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Organisations;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Catalog.Domain;
using Marketplace.Catalog.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Catalog.Apis;

/// <summary>Browsing: full-text search with facets and keyset pages (public), and a provider's own datasets.</summary>
public static class SearchApi
{
    private static readonly Dictionary<string, IReadOnlyList<Term>> Vocabularies = new()
    {
        [Facets.ProcessStage] = Taxonomy.ProcessStages,
        [Facets.Isa95Level] = Taxonomy.Isa95Levels,
        [Facets.Industry] = Taxonomy.Industries,
        [Facets.DataType] = Taxonomy.DataTypes,
        [Facets.Format] = Taxonomy.Formats,
        [Facets.EquipmentType] = Taxonomy.EquipmentTypeSuggestions,
    };

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapModuleGroup(CatalogModule.ModuleName, "/datasets", "Search").ProducesValidationProblem();
        api.MapGet("/", Search).AllowAnonymous().WithName("SearchDatasets")
            .WithSummary("Search published datasets in Korean and English, with filters, facet counts and keyset pages");
        api.MapGet("/mine", ListMyDatasets).RequireAuthorization(MarketplacePolicies.Provider).WithName("ListMyDatasets")
            .WithSummary("Your organisation's datasets in every state (drafts included), newest first");
        return app;
    }

    public static async Task<Ok<SearchResponse>> Search(
        [AsParameters] SearchRequest request, ClaimsPrincipal user, DatasetSearch search, CatalogDb db, CancellationToken ct)
    {
        var criteria = request.ToCriteria();
        var cursor = SearchCursor.Decode(request.Cursor, criteria.Fingerprint());
        var page = await search.SearchAsync(criteria, CatalogCaller.ViewerOf(user), cursor, ct);
        var facets = Facets.All.ToDictionary(f => f, f => page.Facets.Where(c => c.Facet == f)
            .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
            .Select(c => Taxonomy.Find(Vocabularies[f], c.Value) is { } term
                ? new FacetValue(c.Value, term.LabelKo, term.LabelEn, c.Count)
                : new FacetValue(c.Value, null, null, c.Count))
            .ToArray());
        var names = await PartyNames.LoadAsync(db, page.Items.Select(r => r.Dataset.ProviderOrganisationId), ct);
        return TypedResults.Ok(new SearchResponse(
            [.. page.Items.Select(r => DatasetSummary.From(r.Dataset, r.Relevance, names))], page.Total, facets, page.Next?.Encode()));
    }

    public static async Task<Ok<Page<DatasetSummary>>> ListMyDatasets(
        ClaimsPrincipal user, DatasetSearch search, CatalogDb db, DatasetStatus? status, int? limit, string? cursor, CancellationToken ct)
    {
        new Validator()
            .Require(limit is null or >= 1, "limit", "Must be at least 1.")
            // Enum binding takes any number ("99"); only the named states exist.
            .Require(status is null || Enum.IsDefined(status.Value), "status", "One of: draft, published, suspended, withdrawn.")
            .ThrowIfInvalid();
        var after = SearchCursor.Decode(cursor, DatasetSearch.OwnFingerprint(status));
        var (items, next) = await search.OfProviderAsync(user.OrganisationIdOf(), status, Math.Min(limit ?? SearchRequest.DefaultLimit, SearchRequest.MaxLimit), after, ct);
        var names = await PartyNames.LoadAsync(db, [user.OrganisationIdOf()], ct);
        return TypedResults.Ok(new Page<DatasetSummary>([.. items.Select(d => DatasetSummary.From(d, 0, names))], next?.Encode()));
    }
}
