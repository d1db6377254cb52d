using System.Security.Claims;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Contracts.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Contracts.Apis;

public static class NegotiableDatasetsApi
{
    public static IEndpointRouteBuilder MapNegotiableDatasetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapModuleGroup(ContractsModule.ModuleName, "/datasets", "Negotiable datasets");
        api.MapGet("/{id:guid}", GetDataset).RequireAuthorization().WithName("GetNegotiableDataset")
            .WithSummary("A dataset as Contracts knows it (from Catalog's events); restricted datasets only for the organisations they name");
        return app;
    }

    public static async Task<Ok<DatasetCopyResponse>> GetDataset(Guid id, ClaimsPrincipal user, ContractsDb db, CancellationToken ct)
    {
        var copy = await db.DatasetCopies.AsNoTracking().FirstOrDefaultAsync(d => d.DatasetId == id, ct);
        return copy is not null && (copy.IsVisibleTo(user.OrganisationIdOf()) || user.IsInRole(MarketplaceRoles.Admin))
            ? TypedResults.Ok(DatasetCopyResponse.From(copy))
            : throw new NotFoundException("Dataset", id);
    }
}
