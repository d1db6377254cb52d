using System.Security.Claims;
using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Organisations;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Marketplace.Contracts.Negotiations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts.Apis;

/// <summary>Agreements: the signed document, its ODRL and readable forms, access grants, termination, renewal and revocations.</summary>
public static class AgreementsApi
{
    public static IEndpointRouteBuilder MapAgreementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapModuleGroup(ContractsModule.ModuleName, "/agreements", "Agreements").ProducesValidationProblem();
        api.MapGet("/{id:guid}", GetAgreement).RequireAuthorization()
            .WithName("GetAgreement").WithSummary("The agreement: canonical document, SHA-256 hash, signatures and the platform's receipt (parties and administrators)");
        api.MapGet("/{id:guid}/odrl", GetOdrlPolicy).RequireAuthorization()
            .WithName("GetAgreementOdrl").WithSummary("The agreement's terms as an ODRL policy (JSON-LD)").Produces<JsonLdDocument>(200, JsonLdDocument.MediaType);
        api.MapGet("/{id:guid}/text", GetAgreementText).RequireAuthorization()
            .WithName("GetAgreementText").WithSummary("The agreement to read, in Korean (lang=ko, the default) or English (lang=en), as Markdown")
            .Produces<string>(200, "text/markdown");
        api.MapPost("/{id:guid}/grants", IssueGrant).RequireAuthorization(MarketplacePolicies.VerifiedBuyer)
            .WithName("IssueAccessGrant").WithSummary("An access grant (signed JWT, shown once) for a finalized agreement in force (its buyer)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:guid}/grants/{grantId:guid}", GetGrant).RequireAuthorization()
            .WithName("GetAccessGrant").WithSummary("The record of an issued grant: when and for which period (either party; never the token)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/terminate", TerminateAgreement).RequireAuthorization(MarketplacePolicies.VerifiedTrader)
            .WithName("TerminateAgreement").WithSummary("End a finalized agreement early under its terms (either party); its grants are revoked")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/renew", RenewAgreement).RequireAuthorization(MarketplacePolicies.VerifiedBuyer)
            .WithName("RenewAgreement").WithSummary("Start a new negotiation pre-filled from this agreement (its buyer)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapModuleGroup(ContractsModule.ModuleName, "/revocations", "Agreements")
            .MapGet("/", ListRevocations).RequireAuthorization()
            .WithName("ListRevocations").WithSummary("Agreements of your organisation ended early, whose grants must be refused; poll it (since= for changes)");
        app.MapModuleGroup(ContractsModule.ModuleName, "/jwks", "Agreements")
            .MapGet("/", GetJwks).AllowAnonymous()
            .WithName("GetPlatformJwks").WithSummary("The platform's public keys (JWKS) that verify agreement receipts and access grants");
        app.MapModuleGroup(ContractsModule.ModuleName, "/terms-vocabulary", "Agreements")
            .MapGet("/", GetVocabulary).AllowAnonymous()
            .WithName("GetTermsVocabulary").WithSummary("The codes contract terms use: standard scopes, redistribution, security measures, dispute resolution, termination reasons");
        return app;
    }

    public static async Task<Ok<AgreementResponse>> GetAgreement(Guid id, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, CancellationToken ct) =>
        await VisibleAsync(db, id, user, ct) is { } a ? TypedResults.Ok(await AgreementResponse.ForAsync(db, a, clock.GetUtcNow().UtcDateTime, ct)) : throw new NotFoundException("Agreement", id);

    public static async Task<ContentHttpResult> GetOdrlPolicy(Guid id, ClaimsPrincipal user, ContractsDb db, PublicAddress address, CancellationToken ct) =>
        await VisibleAsync(db, id, user, ct) is { } a
            ? TypedResults.Content(OdrlPolicy.Of(a, address.Root).ToJsonString(), JsonLdDocument.MediaType)
            : throw new NotFoundException("Agreement", id);

    public static async Task<ContentHttpResult> GetAgreementText(
        Guid id, ClaimsPrincipal user, ContractsDb db, string lang = "ko", CancellationToken ct = default)
    {
        new Validator().Require(AgreementText.Languages.Contains(lang), "lang", "ko or en.").ThrowIfInvalid();
        if (await VisibleAsync(db, id, user, ct) is not { } a)
        {
            throw new NotFoundException("Agreement", id);
        }

        var dataset = await db.DatasetCopies.AsNoTracking().FirstOrDefaultAsync(d => d.DatasetId == a.DatasetId, ct);
        var names = await PartyNames.LoadAsync(db, [a.ProviderOrganisationId, a.BuyerOrganisationId], ct);
        return TypedResults.Content(AgreementText.Render(a, dataset?.TitleKo, dataset?.TitleEn, names[a.ProviderOrganisationId], names[a.BuyerOrganisationId], lang),
            "text/markdown; charset=utf-8");
    }

    public static async Task<Created<GrantResponse>> IssueGrant(
        Guid id, ClaimsPrincipal user, ContractsDb db, PlatformSigner signer, TimeProvider clock, CancellationToken ct)
    {
        var a = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || a.BuyerOrganisationId != user.OrganisationIdOf())
        {
            throw new NotFoundException("Agreement", id);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!a.IsInForce(now))
        {
            throw new ConflictException($"Grants are issued for finalized agreements in force; this one is {a.StatusAt(now)}.").With("status", a.StatusAt(now));
        }

        var grant = AccessGrant.For(a, Guid.NewGuid(), now);
        var token = await signer.GrantAsync(a, grant, ct);
        db.Grants.Add(grant);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/contracts/agreements/{a.Id}/grants/{grant.Id}",
            new GrantResponse(token, grant.Id, a.Id, grant.IssuedAt, a.StartsAt, a.EndsAt, signer.Issuer, "/api/contracts/jwks"));
    }

    public static async Task<Ok<GrantRecord>> GetGrant(Guid id, Guid grantId, ClaimsPrincipal user, ContractsDb db, CancellationToken ct)
    {
        var grant = await VisibleAsync(db, id, user, ct) is null
            ? null
            : await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.Id == grantId && g.AgreementId == id, ct);
        return grant is null
            ? throw new NotFoundException("Grant", grantId)
            : TypedResults.Ok(new GrantRecord(grant.Id, grant.AgreementId, grant.IssuedAt, grant.NotBefore, grant.ExpiresAt));
    }

    public static async Task<Ok<AgreementResponse>> TerminateAgreement(
        Guid id, TerminateRequest request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, CancellationToken ct)
    {
        var reason = request.Validate();
        var a = await db.Agreements.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a?.PartyOf(user.OrganisationIdOf()) is not { } party)
        {
            throw new NotFoundException("Agreement", id);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (a.Status != AgreementStatus.Finalized)
        {
            throw new ConflictException("Only a finalized agreement is terminated here; end a negotiation in progress at /negotiations/{id}/terminate.")
                .With("status", a.StatusAt(now));
        }

        var by = party.ToString().ToLowerInvariant();
        a.Terminate(by, reason, now);
        var negotiation = await db.Negotiations.AsNoTracking().FirstAsync(n => n.Id == a.NegotiationId, ct);
        db.AddEvent(NegotiationEvents.Terminated(negotiation, a, by, reason, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await AgreementResponse.ForAsync(db, a, now, ct));
    }

    public static async Task<Created<NegotiationResponse>> RenewAgreement(
        Guid id, RenewRequest request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, IOptions<ContractsOptions> options, CancellationToken ct)
    {
        var buyer = user.OrganisationIdOf();
        var a = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || a.BuyerOrganisationId != buyer)
        {
            throw new NotFoundException("Agreement", id);
        }

        if (a.Status != AgreementStatus.Finalized)
        {
            throw new ConflictException("Only a finalized agreement can be renewed.").With("status", a.StatusAt(clock.GetUtcNow().UtcDateTime));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var price = request.Validate(a.PriceKrw);
        var start = request.StartDate ?? (a.Terms.EndDate < today ? today : a.Terms.EndDate);
        var terms = ProposedTerms.Resolve(new ContractTermsRequest(StartDate: start), a.Terms, price, today, currentPrice: a.PriceKrw);
        var negotiation = await OpenNegotiation.RunAsync(db, a.DatasetId, user, terms, price, now, options.Value, renewalOf: a.Id, ct);
        return TypedResults.Created($"/api/contracts/negotiations/{negotiation.Id}", await NegotiationResponse.ForAsync(db, negotiation, ct));
    }

    public static async Task<Ok<RevocationList>> ListRevocations(
        ClaimsPrincipal user, ContractsDb db, TimeProvider clock, DateTime? since = null, int limit = 1000, string? cursor = null, CancellationToken ct = default)
    {
        new Validator().RequireLimit(limit, max: 1000).ThrowIfInvalid();
        var organisation = user.OrganisationIdOf();
        var fingerprint = $"revocations:{since?.ToUniversalTime():O}";
        var after = PageCursor.Decode<ListCursor>(cursor, c => c.Query == fingerprint);
        var query = db.Agreements.AsNoTracking()
            .Where(a => a.Status == AgreementStatus.Terminated && a.FinalizedAt != null && a.TerminatedAt != null
                && (a.ProviderOrganisationId == organisation || a.BuyerOrganisationId == organisation));
        if (since is { } from)
        {
            var utc = from.ToUniversalTime();
            query = query.Where(a => a.TerminatedAt > utc);
        }

        if (after is not null)
        {
            query = query.Where(a => a.TerminatedAt > after.At || (a.TerminatedAt == after.At && a.Id.CompareTo(after.Id) > 0));
        }

        var rows = await query.OrderBy(a => a.TerminatedAt).ThenBy(a => a.Id).Take(limit + 1).ToListAsync(ct);
        var page = PageCursor.Of(rows, limit, a => new Revocation(a.Id, a.DatasetId, a.BuyerOrganisationId, a.TerminatedAt!.Value, a.TerminationReason!),
            a => new ListCursor(fingerprint, a.TerminatedAt!.Value, a.Id));
        return TypedResults.Ok(new RevocationList(clock.GetUtcNow().UtcDateTime, page.Items, page.NextCursor));
    }

    public static async Task<Ok<PlatformSigner.PublicKeySet>> GetJwks(PlatformSigner signer, CancellationToken ct) =>
        TypedResults.Ok(await signer.JwksAsync(ct));

    public static Ok<TermsVocabularyResponse> GetVocabulary() => TypedResults.Ok(new TermsVocabularyResponse(
        TermsVocabulary.Scopes, TermsVocabulary.Redistribution, TermsVocabulary.SecurityMeasures, TermsVocabulary.DisputeResolution, TermsVocabulary.TerminationReasons,
        TermsVocabulary.PlatformReasons, ContractTerms.GoverningLaw));

    private static async Task<Agreement?> VisibleAsync(ContractsDb db, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var a = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return a is not null && (a.PartyOf(user.OrganisationIdOf()) is not null || user.IsInRole(MarketplaceRoles.Admin)) ? a : null;
    }
}
