using System.Security.Claims;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Catalog.Domain;
using Marketplace.Catalog.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Catalog.Apis;

public static class DatasetsApi
{
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapModuleGroup(CatalogModule.ModuleName, "/datasets", "Datasets")
            .ProducesValidationProblem();

        api.MapPost("/", CreateDataset).RequireAuthorization(MarketplaceRoles.Provider)
            .WithName("CreateDataset").WithSummary("Create a draft listing of your organisation");
        api.MapGet("/{id:guid}", GetDataset).AllowAnonymous()
            .WithName("GetDataset").WithSummary("Get one listing (drafts: only their provider)");
        api.MapPost("/{id:guid}/publish", PublishDataset).RequireAuthorization(MarketplaceRoles.Provider)
            .WithName("PublishDataset").WithSummary("Publish a draft listing of your organisation (verified organisations only)")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Created<DatasetResponse>> CreateDataset(
        CreateDatasetRequest request, ClaimsPrincipal user, CatalogDb db, TimeProvider clock, CancellationToken ct)
    {
        request.Validate();
        var dataset = Dataset.CreateDraft(
            user.OrganisationIdOf(), request.TitleKo?.Trim(), request.TitleEn?.Trim(), clock.GetUtcNow().UtcDateTime);
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/catalog/datasets/{dataset.Id}", DatasetResponse.From(dataset));
    }

    public static async Task<Results<Ok<DatasetResponse>, NotFound>> GetDataset(Guid id, ClaimsPrincipal user, CatalogDb db, CancellationToken ct)
    {
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        // A draft is invisible to everyone but its provider: "not found", not "forbidden".
        var visible = dataset is not null && (dataset.Status == DatasetStatus.Published || IsOwnedBy(dataset, user));
        return visible ? TypedResults.Ok(DatasetResponse.From(dataset!)) : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<DatasetResponse>, NotFound>> PublishDataset(
        Guid id, ClaimsPrincipal user, CatalogDb db, TimeProvider clock, CancellationToken ct)
    {
        var dataset = await db.Datasets.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dataset is null || !IsOwnedBy(dataset, user))
        {
            return TypedResults.NotFound();
        }

        if (!user.IsOrganisationVerified())
        {
            throw new RuleViolationException("Your organisation must be verified by an administrator before it can publish listings.");
        }

        dataset.Publish(clock.GetUtcNow().UtcDateTime);
        // Same SaveChanges, same transaction: the listing is published if and only if the event will be.
        db.AddEvent(new DatasetPublished(
            dataset.Id, dataset.Version, dataset.ProviderOrganisationId, dataset.TitleKo, dataset.TitleEn, dataset.PublishedAt!.Value));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DatasetResponse.From(dataset));
    }

    private static bool IsOwnedBy(Dataset dataset, ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && dataset.ProviderOrganisationId == user.OrganisationIdOf();
}
