using System.Security.Claims;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Organisations;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Catalog.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalog.Apis;

/// <summary>DCAT-AP 3 JSON-LD exports: one dataset, and the catalog in keyset pages (public, visibility rules apply).</summary>
public static class DcatApi
{
    public static IEndpointRouteBuilder MapDcatApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapModuleGroup(CatalogModule.ModuleName, "", "DCAT-AP").ProducesValidationProblem();
        api.MapGet("/datasets/{id:guid}/dcat", GetDatasetDcat).AllowAnonymous().WithName("GetDatasetDcat")
            .WithSummary("One dataset as a DCAT-AP 3 dcat:Dataset (JSON-LD)")
            .Produces<JsonLdDocument>(StatusCodes.Status200OK, DcatDocument.MediaType);
        api.MapGet("/dcat", GetCatalogDcat).AllowAnonymous().WithName("GetCatalogDcat")
            .WithSummary("The catalog as a DCAT-AP 3 dcat:Catalog (JSON-LD), newest first; hydra:next links the next page")
            .Produces<JsonLdDocument>(StatusCodes.Status200OK, DcatDocument.MediaType);
        return app;
    }

    public static async Task<ContentHttpResult> GetDatasetDcat(Guid id, HttpContext http, PublicAddress address, CatalogDb db, CancellationToken ct)
    {
        var dataset = await db.Datasets.AsNoTracking().Include(d => d.Access).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dataset is null || !http.User.MaySee(dataset) || dataset.PublishedAt is null)
        {
            throw new NotFoundException("Dataset", id);
        }

        var names = await PartyNames.LoadAsync(db, [dataset.ProviderOrganisationId], ct);
        return TypedResults.Content(DcatDocument.ForDataset(dataset, address.Root, names).ToJsonString(), DcatDocument.MediaType);
    }

    public static async Task<ContentHttpResult> GetCatalogDcat(
        HttpContext http, PublicAddress address, DatasetSearch search, CatalogDb db, TimeProvider clock, int? limit, string? cursor, CancellationToken ct)
    {
        new Validator().Require(limit is null or >= 1, "limit", "Must be at least 1.").ThrowIfInvalid();
        var criteria = new SearchCriteria { Sort = SearchSort.Newest, Limit = Math.Min(limit ?? SearchRequest.MaxLimit, SearchRequest.MaxLimit) };
        var page = await search.SearchAsync(criteria, CatalogCaller.ViewerOf(http.User), SearchCursor.Decode(cursor, criteria.Fingerprint()), ct);
        var baseUrl = address.Root;
        var pageUrl = $"{baseUrl}/api/catalog/dcat?limit={criteria.Limit}" + (cursor is null ? "" : $"&cursor={cursor}");
        var nextUrl = page.Next is null ? null : $"{baseUrl}/api/catalog/dcat?limit={criteria.Limit}&cursor={page.Next.Encode()}";
        var datasets = page.Items.Select(r => r.Dataset).ToList();
        var names = await PartyNames.LoadAsync(db, datasets.Select(d => d.ProviderOrganisationId), ct);
        var document = DcatDocument.ForCatalog(datasets, baseUrl, names, pageUrl, nextUrl, clock.GetUtcNow().UtcDateTime);
        return TypedResults.Content(document.ToJsonString(), DcatDocument.MediaType);
    }
}
