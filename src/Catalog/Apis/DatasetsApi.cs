using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Catalog.Domain;
using Marketplace.Catalog.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Catalog.Apis;

/// <summary>One dataset: create, edit, its lifecycle, and its versions.</summary>
public static class DatasetsApi
{
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        // Metadata only: a body this large is not a description of a dataset.
        var api = MaxBodySize.On(app.MapModuleGroup(CatalogModule.ModuleName, "/datasets", "Datasets"), DatasetLimits.RequestBodyBytes)
            .ProducesValidationProblem();

        api.MapPost("/", CreateDataset).RequireAuthorization(MarketplacePolicies.Provider)
            .WithName("CreateDataset").WithSummary("Create a draft dataset of your organisation")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/{id:guid}", GetDataset).AllowAnonymous().WithEntityTag()
            .WithName("GetDataset").WithSummary("One dataset (drafts, suspended and withdrawn datasets: only their provider and administrators; restricted: only the named organisations)");
        api.MapPut("/{id:guid}", ReplaceDataset).RequireAuthorization(MarketplacePolicies.Provider).WithEntityTag()
            .WithName("ReplaceDataset").WithSummary("Replace the whole metadata document of a dataset of your organisation; a published one gets a new version")
            .Accepts<DatasetMetadata>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPatch("/{id:guid}", PatchDataset).RequireAuthorization(MarketplacePolicies.Provider).WithEntityTag()
            .WithName("PatchDataset").WithSummary("Change some members of a dataset of your organisation (JSON Merge Patch, RFC 7396); a published one gets a new version")
            .Accepts<JsonObject>(DatasetDocument.MergePatchMediaType)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{id:guid}/publish", PublishDataset).RequireAuthorization(MarketplacePolicies.VerifiedProvider)
            .WithName("PublishDataset").WithSummary("Publish a draft dataset of your organisation (verified organisations only)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/{id:guid}/withdraw", WithdrawDataset).RequireAuthorization(MarketplacePolicies.Provider)
            .WithName("WithdrawDataset").WithSummary("Withdraw a dataset of your organisation for good")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/suspend", SuspendDataset).RequireAuthorization(MarketplacePolicies.Admin)
            .WithName("SuspendDataset").WithSummary("Take a published dataset off the marketplace (administrators)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/reinstate", ReinstateDataset).RequireAuthorization(MarketplacePolicies.Admin)
            .WithName("ReinstateDataset").WithSummary("List a suspended dataset again (administrators)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:guid}/versions", ListVersions).AllowAnonymous()
            .WithName("ListDatasetVersions").WithSummary("The published versions of a dataset, newest first");
        api.MapGet("/{id:guid}/versions/{version:int}", GetVersion).AllowAnonymous()
            .WithName("GetDatasetVersion").WithSummary("One published version of a dataset, as it was published");
        return app;
    }

    public static async Task<Created<DatasetResponse>> CreateDataset(
        DatasetMetadata request, ClaimsPrincipal user, CatalogDb db, TimeProvider clock, CancellationToken ct)
    {
        MetadataRules.Validate(request);
        var dataset = Dataset.CreateDraft(user.OrganisationIdOf(), request, clock.GetUtcNow().UtcDateTime);
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/catalog/datasets/{dataset.Id}", DatasetResponse.From(dataset, mayManage: true));
    }

    public static async Task<Ok<DatasetResponse>> GetDataset(Guid id, ClaimsPrincipal user, CatalogDb db, CancellationToken ct)
    {
        var dataset = await db.Datasets.AsNoTracking().Include(d => d.Access).FirstOrDefaultAsync(d => d.Id == id, ct);
        // What a caller may not see is "not found", not "forbidden": ids cannot be probed.
        return dataset is not null && user.MaySee(dataset)
            ? TypedResults.Ok(DatasetResponse.From(dataset, user.Manages(dataset)))
            : throw new NotFoundException("Dataset", id);
    }

    public static async Task<Ok<DatasetResponse>> ReplaceDataset(
        Guid id, JsonObject document, HttpContext http, CatalogDb db, IOptions<JsonOptions> json, TimeProvider clock, CancellationToken ct) =>
        await EditAsync(id, _ => DatasetDocument.Complete(document, json.Value.SerializerOptions), http, db, clock, ct);

    public static async Task<Ok<DatasetResponse>> PatchDataset(
        Guid id, HttpRequest request, CatalogDb db, IOptions<JsonOptions> json, TimeProvider clock, CancellationToken ct)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), DatasetDocument.MergePatchMediaType, StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException($"Send a JSON Merge Patch ({DatasetDocument.MergePatchMediaType}).", StatusCodes.Status415UnsupportedMediaType);
        }

        JsonNode? patch;
        try
        {
            patch = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The body is not valid JSON.", e);
        }

        return await EditAsync(id, current => DatasetDocument.Merge(current, patch, json.Value.SerializerOptions), request.HttpContext, db, clock, ct);
    }

    /// <summary>Both verbs: the new document from the current one, checked, then a new version if buyers see it.</summary>
    private static async Task<Ok<DatasetResponse>> EditAsync(
        Guid id, Func<DatasetMetadata, DatasetMetadata> change, HttpContext http, CatalogDb db, TimeProvider clock, CancellationToken ct)
    {
        var user = http.User;
        var dataset = await LoadForChangeAsync(id, user, db, ct);

        EntityTags.RequireMatch(http, DatasetResponse.From(dataset, mayManage: true));
        var metadata = change(dataset.Metadata);
        MetadataRules.Validate(metadata);
        var now = clock.GetUtcNow().UtcDateTime;
        if (dataset.Edit(metadata, user.SubjectOf(), now))
        {
            db.AddEvent(new DatasetUpdated(dataset.Id, dataset.Version, dataset.ProviderOrganisationId, dataset.TitleKo, dataset.TitleEn, now, dataset.Facts()));
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DatasetResponse.From(dataset, mayManage: true));
    }

    public static async Task<Ok<DatasetResponse>> PublishDataset(
        Guid id, ClaimsPrincipal user, CatalogDb db, TimeProvider clock, CancellationToken ct)
    {
        var dataset = await LoadForChangeAsync(id, user, db, ct);

        dataset.Publish(user.SubjectOf(), clock.GetUtcNow().UtcDateTime);
        // Same SaveChanges, same transaction: the dataset is published if and only if the event will be.
        db.AddEvent(new DatasetPublished(
            dataset.Id, dataset.Version, dataset.ProviderOrganisationId, dataset.TitleKo, dataset.TitleEn, dataset.PublishedAt!.Value, dataset.Facts()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DatasetResponse.From(dataset, mayManage: true));
    }

    public static async Task<Ok<DatasetResponse>> WithdrawDataset(
        Guid id, ClaimsPrincipal user, CatalogDb db, TimeProvider clock, CancellationToken ct)
    {
        var dataset = await LoadForChangeAsync(id, user, db, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        dataset.Withdraw(now);
        db.AddEvent(new DatasetWithdrawn(dataset.Id, dataset.Version, dataset.ProviderOrganisationId, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DatasetResponse.From(dataset, mayManage: true));
    }

    public static async Task<Ok<DatasetResponse>> SuspendDataset(
        Guid id, SuspendDatasetRequest request, CatalogDb db, TimeProvider clock, CancellationToken ct)
    {
        var reason = request.Validate();
        var dataset = await FindAsync(id, db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        dataset.Suspend(reason.Trim(), now);
        db.AddEvent(new DatasetSuspended(dataset.Id, dataset.Version, dataset.ProviderOrganisationId, dataset.SuspensionReason!, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DatasetResponse.From(dataset, mayManage: true));
    }

    public static async Task<Ok<DatasetResponse>> ReinstateDataset(Guid id, CatalogDb db, TimeProvider clock, CancellationToken ct)
    {
        var dataset = await FindAsync(id, db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        dataset.Reinstate(now);
        db.AddEvent(new DatasetUpdated(dataset.Id, dataset.Version, dataset.ProviderOrganisationId, dataset.TitleKo, dataset.TitleEn, now, dataset.Facts()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DatasetResponse.From(dataset, mayManage: true));
    }

    public static async Task<Ok<DatasetVersionSummary[]>> ListVersions(Guid id, ClaimsPrincipal user, CatalogDb db, CancellationToken ct)
    {
        if (!await VisibleAsync(id, user, db, ct))
        {
            throw new NotFoundException("Dataset", id);
        }

        var versions = await db.DatasetVersions.AsNoTracking().Where(v => v.DatasetId == id).OrderByDescending(v => v.Version)
            .Select(v => new DatasetVersionSummary(v.Version, v.MetadataScore, v.CreatedBy, v.CreatedAt))
            .ToArrayAsync(ct);
        return TypedResults.Ok(versions);
    }

    public static async Task<Ok<DatasetVersionResponse>> GetVersion(
        Guid id, int version, ClaimsPrincipal user, CatalogDb db, CancellationToken ct)
    {
        var dataset = await db.Datasets.AsNoTracking().Include(d => d.Access).FirstOrDefaultAsync(d => d.Id == id, ct);
        var found = dataset is not null && user.MaySee(dataset)
            ? await db.DatasetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.DatasetId == id && v.Version == version, ct)
            : null;
        return found is null
            ? throw new NotFoundException("Dataset version", $"{id}/versions/{version}")
            : TypedResults.Ok(new DatasetVersionResponse(id, found.Version, found.MetadataScore, found.CreatedAt,
                DatasetResponse.Readable(found.Metadata, user.Manages(dataset!))));
    }

    private static async Task<bool> VisibleAsync(Guid id, ClaimsPrincipal user, CatalogDb db, CancellationToken ct) =>
        await db.Datasets.AsNoTracking().Include(d => d.Access).FirstOrDefaultAsync(d => d.Id == id, ct) is { } dataset && user.MaySee(dataset);

    /// <summary>A dataset of the caller's organisation, loaded for a change; someone else's is "not found".</summary>
    private static async Task<Dataset> LoadForChangeAsync(Guid id, ClaimsPrincipal user, CatalogDb db, CancellationToken ct)
    {
        var dataset = await db.Datasets.Include(d => d.Access).FirstOrDefaultAsync(d => d.Id == id, ct);
        return dataset is not null && user.IsProviderOf(dataset) ? dataset : throw new NotFoundException("Dataset", id);
    }

    private static async Task<Dataset> FindAsync(Guid id, CatalogDb db, CancellationToken ct) =>
        await db.Datasets.Include(d => d.Access).FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new NotFoundException("Dataset", id);
}
