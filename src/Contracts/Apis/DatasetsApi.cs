using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Contracts.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Contracts.Apis;

public static class DatasetsApi
{
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapModuleGroup(ContractsModule.ModuleName, "/datasets", "Negotiable datasets");
        // Any signed-in organisation: restricted listings will narrow this with the catalog issue.
        api.MapGet("/{id:guid}", GetDataset).RequireAuthorization().WithName("GetNegotiableDataset")
            .WithSummary("A published listing as Contracts knows it (from Catalog's events)");
        return app;
    }

    public static async Task<Results<Ok<DatasetCopyResponse>, NotFound>> GetDataset(Guid id, ContractsDb db, CancellationToken ct)
    {
        var copy = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.DatasetId == id, ct);
        return copy is null ? TypedResults.NotFound() : TypedResults.Ok(DatasetCopyResponse.From(copy));
    }
}
