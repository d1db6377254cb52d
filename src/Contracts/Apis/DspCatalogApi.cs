using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.BuildingBlocks.Vocabulary;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Marketplace.Contracts.Negotiations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Contracts.Apis;

/// <summary>
/// The version metadata (<c>/.well-known/dspace-version</c>) and the catalog protocol of the Dataspace Protocol 2025-1
/// (HTTPS binding) under <see cref="DataspaceProtocol.Path"/>: a connector with a marketplace token (<c>Authorization: Bearer</c>) requests the catalog or one dataset. The datasets
/// are those with a standard offer that the connector's organisation may see; errors are DSP <c>CatalogError</c>s.
/// Not in the OpenAPI documents: the DSP specification and its schemas describe these messages
/// (<c>docs/dataspace-protocol.md</c>).
/// </summary>
public static class DspCatalogApi
{
    /// <summary>Datasets per catalog page unless the query asks fewer (<c>limit</c>); the next page is in the <c>Link</c> header (<c>rel="next"</c>).</summary>
    public const int PageSize = 50;

    public static IEndpointRouteBuilder MapDspCatalogApi(this IEndpointRouteBuilder app)
    {
        // The version metadata, at the root of the marketplace (the gateway forwards it here).
        app.MapGet("/.well-known/dspace-version", () => Results.Json(new
        {
            protocolVersions = new[] { new { version = DataspaceProtocol.Version, path = DataspaceProtocol.Path, binding = "HTTPS" } },
        })).AllowAnonymous().ExcludeFromDescription();
        var dsp = app.MapGroup(DataspaceProtocol.Path).ExcludeFromDescription();
        dsp.MapPost("/catalog/request", RequestCatalog).RequireAuthorization();
        dsp.MapGet("/catalog/datasets/{id}", GetDataset).RequireAuthorization();
        dsp.MapGet("/odrl-profile", () => Results.Text(
            new JsonObject { ["@context"] = OdrlPolicy.ProfileContext() }.ToJsonString(), "application/ld+json")).AllowAnonymous();
        return app;
    }

    public static async Task<IResult> RequestCatalog(
        HttpContext http, ClaimsPrincipal user, ContractsDb db, PublicAddress address, string? cursor = null, int limit = PageSize, CancellationToken ct = default)
    {
        if (limit is < 1 or > PageSize)
        {
            return Error(StatusCodes.Status400BadRequest, $"The page size in the query (limit) is 1 to {PageSize}.");
        }

        if ((await DspMessages.ReadAsync(http.Request, "CatalogRequestMessage", ct)).Problem is { } problem)
        {
            return Error(StatusCodes.Status400BadRequest, problem);
        }

        Guid? after = null;
        if (cursor is not null)
        {
            if (!Guid.TryParse(cursor, out var last))
            {
                return Error(StatusCodes.Status400BadRequest, "The continuation in the query (cursor) is not one this catalog gave; request the catalog again without it.");
            }

            after = last;
        }

        var organisation = user.OrganisationIdOf();
        var page = new List<(DatasetCopy, IReadOnlyList<StandardOffer>)>();
        var more = false;
        while (!more)
        {
            // Datasets with an active offer, in id order, a batch at a time; those the organisation may not see are skipped.
            var query = db.StandardOffers.AsNoTracking().Where(o => o.Status == StandardOfferStatus.Active);
            if (after is { } a)
            {
                query = query.Where(o => o.DatasetId.CompareTo(a) > 0);
            }

            var ids = await query.Select(o => o.DatasetId).Distinct().OrderBy(d => d).Take(200).ToListAsync(ct);
            foreach (var (dataset, offers) in await VisibleAsync(db, ids, organisation, ct))
            {
                if (page.Count == limit)
                {
                    more = true;
                    break;
                }

                page.Add((dataset, offers));
            }

            if (ids.Count < 200)
            {
                break;
            }

            after = ids[^1];
        }

        if (more)
        {
            var next = $"{address.Root}{DataspaceProtocol.Path}/catalog/request?cursor={page[^1].Item1.DatasetId}{(limit == PageSize ? "" : $"&limit={limit}")}";
            http.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }

        return DspMessages.Json(StatusCodes.Status200OK, DspCatalog.Catalog(page, address.Root));
    }

    public static async Task<IResult> GetDataset(string id, ClaimsPrincipal user, ContractsDb db, PublicAddress address, CancellationToken ct)
    {
        var prefix = $"{address.Root}/api/catalog/datasets/";
        // The server leaves an encoded slash encoded in a route value: an IRI sent as one segment arrives with %2F in it.
        var iri = Uri.UnescapeDataString(id);
        var key = iri.StartsWith(prefix, StringComparison.Ordinal) ? iri[prefix.Length..] : iri;
        if (Guid.TryParse(key, out var datasetId)
            && (await VisibleAsync(db, [datasetId], user.OrganisationIdOf(), ct)).FirstOrDefault() is { Dataset: not null } found)
        {
            return DspMessages.Json(StatusCodes.Status200OK, DspCatalog.Dataset(found.Dataset, found.Offers, address.Root));
        }

        return Error(StatusCodes.Status404NotFound, $"No dataset {id} in this catalog (unknown, not visible to your organisation, or without a standard offer).");
    }

    /// <summary>The listed datasets of <paramref name="ids"/> the organisation may see that have active offers, in the order given.</summary>
    private static async Task<List<(DatasetCopy Dataset, IReadOnlyList<StandardOffer> Offers)>> VisibleAsync(
        ContractsDb db, List<Guid> ids, Guid organisation, CancellationToken ct)
    {
        var datasets = (await db.DatasetCopies.AsNoTracking().Where(d => ids.Contains(d.DatasetId) && d.Listed).ToListAsync(ct))
            .Where(d => d.IsVisibleTo(organisation)).ToDictionary(d => d.DatasetId);
        var offers = await StandardOffers.ActiveAsync(db, ids, ct);
        return [.. ids.Where(i => datasets.ContainsKey(i) && offers[i].Any()).Select(i => (datasets[i], (IReadOnlyList<StandardOffer>)[.. offers[i]]))];
    }

    private static IResult Error(int status, string reason) => DspMessages.Json(status, DspCatalog.Error(status, reason));
}
