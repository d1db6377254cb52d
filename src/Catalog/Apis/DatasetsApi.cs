using Marketplace.BuildingBlocks.IntegrationEvents;
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

        api.MapPost("/", CreateDataset).WithName("CreateDataset").WithSummary("Create a draft listing");
        api.MapGet("/{id:guid}", GetDataset).WithName("GetDataset").WithSummary("Get one listing");
        api.MapPost("/{id:guid}/publish", PublishDataset).WithName("PublishDataset")
            .WithSummary("Publish a draft listing")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Created<DatasetResponse>> CreateDataset(
        CreateDatasetRequest request, CatalogDb db, TimeProvider clock, CancellationToken ct)
    {
        request.Validate();
        var dataset = Dataset.CreateDraft(
            request.ProviderOrganisationId, request.TitleKo?.Trim(), request.TitleEn?.Trim(), clock.GetUtcNow().UtcDateTime);
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/catalog/datasets/{dataset.Id}", DatasetResponse.From(dataset));
    }

    public static async Task<Results<Ok<DatasetResponse>, NotFound>> GetDataset(Guid id, CatalogDb db, CancellationToken ct)
    {
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return dataset is null ? TypedResults.NotFound() : TypedResults.Ok(DatasetResponse.From(dataset));
    }

    public static async Task<Results<Ok<DatasetResponse>, NotFound>> PublishDataset(
        Guid id, CatalogDb db, TimeProvider clock, CancellationToken ct)
    {
        var dataset = await db.Datasets.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dataset is null)
        {
            return TypedResults.NotFound();
        }

        dataset.Publish(clock.GetUtcNow().UtcDateTime);
        // Same SaveChanges, same transaction: the listing is published if and only if the event will be.
        db.AddEvent(new DatasetPublished(
            dataset.Id, dataset.Version, dataset.ProviderOrganisationId, dataset.TitleKo, dataset.TitleEn, dataset.PublishedAt!.Value));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DatasetResponse.From(dataset));
    }
}
