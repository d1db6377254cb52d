using System.Security.Claims;
using System.Text.Json;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Organisations;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.BuildingBlocks.Vocabulary;
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

/// <summary>
/// Contract negotiation through the DSP states. Only the two parties see a negotiation (everyone else
/// gets 404; administrators may read); only the party whose turn it is may act (409 otherwise, with the
/// current state); concurrent actions on one negotiation: one wins, the others get 409.
/// </summary>
public static class NegotiationsApi
{
    public static IEndpointRouteBuilder MapNegotiationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapModuleGroup(ContractsModule.ModuleName, "/negotiations", "Negotiations").ProducesValidationProblem();
        api.MapPost("/", RequestNegotiation).RequireAuthorization(MarketplacePolicies.VerifiedBuyer)
            .WithName("RequestNegotiation").WithSummary("Request a published dataset with proposed terms and a price inside the band (buyers)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/", ListNegotiations).RequireAuthorization()
            .WithName("ListNegotiations").WithSummary("Negotiations your organisation is a party to, most recently changed first");
        api.MapGet("/{id:guid}", GetNegotiation).RequireAuthorization()
            .WithName("GetNegotiation").WithSummary("One negotiation with every round and transition (parties and administrators)");
        api.MapGet("/{id:guid}/agreement-draft", GetAgreementDraft).RequireAuthorization()
            .WithName("GetAgreementDraft").WithSummary("The agreement the provider's agreement would yield, to read before the provider signs it: document, hash and text (lang=ko or en)")
            .WithDescription("In the states the provider may agree in: REQUESTED (the buyer's request as it is) and ACCEPTED (the offer the buyer accepted); "
                + "409 otherwise (from AGREED on, read the agreement itself). The provider agrees naming this hash; "
                + "if the dataset's details or the terms changed in between, agree answers 409 with the new hash.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        Action(api, "offer", Offer, "Offer the requested terms or a counter-offer (provider, on a request)", proposes: true);
        Action(api, "counter", Counter, "Answer an offer with other terms or another price (buyer, on an offer)", proposes: true);
        Action(api, "accept", Accept, "Accept the offer on the table (buyer)");
        Action(api, "agree", Agree, "Agree and sign the agreement drafted from the proposal on the table — the buyer's request or the offer it accepted — optionally naming the hash of the draft read (provider)")
            .WithDescription("With agreementHash (from GET …/agreement-draft), a draft that has changed since it was read answers 409 with the current "
                + "agreementHash and nothing is signed. Without a body the current draft is signed.");
        Action(api, "verify", Verify, "Verify and sign the agreement the provider signed, naming its hash (buyer)").WithDescription(
            "A hash that is not the agreement's answers 409, not 422: the request is well formed but names another version of the document "
            + "than the one on record — a conflict with the resource's state, as a stale If-Match is. The problem carries the current "
            + "agreementHash; read the agreement again (GET /api/contracts/agreements/{id}) and verify what you read.");
        Action(api, "finalize", FinalizeNegotiation, "Ask the platform to finalize a verified agreement: it adds its signed receipt (either party)");
        Action(api, "terminate", Terminate, "End the negotiation with a reason code (either party, before FINALIZED)");
        return app;
    }

    private static RouteHandlerBuilder Action(RouteGroupBuilder api, string action, Delegate handler, string summary, bool proposes = false)
    {
        var endpoint = api.MapPost($"/{{id:guid}}/{action}", handler).RequireAuthorization(MarketplacePolicies.VerifiedTrader)
            .WithName($"{char.ToUpperInvariant(action[0])}{action[1..]}Negotiation").WithSummary(summary)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        if (proposes)
        {
            endpoint.ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        }

        return endpoint;
    }

    public static async Task<Created<NegotiationResponse>> RequestNegotiation(
        RequestNegotiationRequest request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, IOptions<ContractsOptions> options, CancellationToken ct)
    {
        var (datasetId, price) = request.Validate();
        var now = clock.GetUtcNow().UtcDateTime;
        var terms = ProposedTerms.Resolve(request.Terms, null, price, DateOnly.FromDateTime(now));
        var negotiation = await OpenNegotiation.RunAsync(db, datasetId, user, terms, price, now, options.Value, renewalOf: null, ct);
        return TypedResults.Created($"/api/contracts/negotiations/{negotiation.Id}", await NegotiationResponse.ForAsync(db, negotiation, ct));
    }

    public static async Task<Ok<Page<NegotiationResponse>>> ListNegotiations(
        ClaimsPrincipal user, ContractsDb db, string? state = null, int limit = PageCursor.DefaultLimit, string? cursor = null, CancellationToken ct = default)
    {
        var wanted = state is null ? null : NegotiationRules.Parse(state);
        new Validator()
            .Require(state is null || wanted is not null, "state", "One of REQUESTED, OFFERED, ACCEPTED, AGREED, VERIFIED, FINALIZED, TERMINATED.")
            .RequireLimit(limit)
            .ThrowIfInvalid();
        var fingerprint = $"negotiations:{wanted}";
        var after = PageCursor.Decode<ListCursor>(cursor, c => c.Query == fingerprint);
        var organisation = user.OrganisationIdOf();
        var query = db.Negotiations.AsNoTracking().Where(n => n.BuyerOrganisationId == organisation || n.ProviderOrganisationId == organisation);
        if (wanted is { } s)
        {
            query = query.Where(n => n.State == s);
        }

        if (after is not null)
        {
            query = query.Where(n => n.UpdatedAt < after.At || (n.UpdatedAt == after.At && n.Id.CompareTo(after.Id) > 0));
        }

        var rows = await query.OrderByDescending(n => n.UpdatedAt).ThenBy(n => n.Id).Take(limit + 1).ToListAsync(ct);
        var names = await PartyNames.LoadAsync(db, rows.SelectMany(n => new[] { n.ProviderOrganisationId, n.BuyerOrganisationId }), ct);
        return TypedResults.Ok(PageCursor.Of(rows, limit, n => NegotiationResponse.From(n, names), n => new ListCursor(fingerprint, n.UpdatedAt, n.Id)));
    }

    public static async Task<Ok<NegotiationResponse>> GetNegotiation(Guid id, ClaimsPrincipal user, ContractsDb db, CancellationToken ct)
    {
        var n = await db.Negotiations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return n is not null && (n.PartyOf(user.OrganisationIdOf()) is not null || user.IsInRole(MarketplaceRoles.Admin))
            ? TypedResults.Ok(await NegotiationResponse.ForAsync(db, n, ct))
            : throw new NotFoundException("Negotiation", id);
    }

    public static async Task<Ok<AgreementDraftResponse>> GetAgreementDraft(
        Guid id, ClaimsPrincipal user, ContractsDb db, string lang = "ko", CancellationToken ct = default)
    {
        new Validator().Require(AgreementText.Languages.Contains(lang), "lang", "ko or en.").ThrowIfInvalid();
        var n = await db.Negotiations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || (n.PartyOf(user.OrganisationIdOf()) is null && !user.IsInRole(MarketplaceRoles.Admin)))
        {
            throw new NotFoundException("Negotiation", id);
        }

        if (!NegotiationRules.AllowsIn(n.State, NegotiationAction.Agree))
        {
            throw new ConflictException(n.AgreementId is { } signed
                    ? $"The agreement is signed; read it at /api/contracts/agreements/{signed}."
                    : $"An agreement is drafted from a request or an accepted offer, which the provider may agree to; this negotiation is {NegotiationRules.Name(n.State)}.")
                .With("state", NegotiationRules.Name(n.State));
        }

        var (a, dataset) = await AgreementDrafts.DraftAsync(db, n, ct);
        var names = await PartyNames.LoadAsync(db, [n.ProviderOrganisationId, n.BuyerOrganisationId], ct);
        var text = AgreementText.Render(a, dataset.TitleKo, dataset.TitleEn, names[n.ProviderOrganisationId], names[n.BuyerOrganisationId], lang);
        return TypedResults.Ok(new AgreementDraftResponse(a.Id, n.Id, JsonDocument.Parse(a.Document).RootElement, a.Document, a.Hash, lang, text));
    }

    public static async Task<Ok<NegotiationResponse>> Offer(
        Guid id, ProposalRequest request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, IOptions<ContractsOptions> o, CancellationToken ct) =>
        await RespondAsync(db, NegotiationSteps.ProposeAsync(db, id, user, NegotiationAction.Offer, request.Terms, request.Validate(), Now(clock), o.Value, ct), ct);

    public static async Task<Ok<NegotiationResponse>> Counter(
        Guid id, ProposalRequest request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, IOptions<ContractsOptions> o, CancellationToken ct) =>
        await RespondAsync(db, NegotiationSteps.ProposeAsync(db, id, user, NegotiationAction.Counter, request.Terms, request.Validate(), Now(clock), o.Value, ct), ct);

    public static async Task<Ok<NegotiationResponse>> Accept(Guid id, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, IOptions<ContractsOptions> o, CancellationToken ct) =>
        await RespondAsync(db, NegotiationSteps.AcceptAsync(db, id, user, Now(clock), o.Value, ct), ct);

    public static async Task<Ok<NegotiationResponse>> Agree(
        Guid id, AgreeRequest? request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, IOptions<ContractsOptions> o, CancellationToken ct) =>
        await RespondAsync(db, NegotiationSteps.AgreeAsync(db, id, user, request?.Validate(), Now(clock), o.Value, ct), ct);

    public static async Task<Ok<NegotiationResponse>> Verify(
        Guid id, VerifyRequest request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, IOptions<ContractsOptions> o, CancellationToken ct) =>
        await RespondAsync(db, NegotiationSteps.VerifyAsync(db, id, user, request.Validate(), Now(clock), o.Value, ct), ct);

    public static async Task<Ok<NegotiationResponse>> FinalizeNegotiation(Guid id, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, PlatformSigner signer, CancellationToken ct) =>
        await RespondAsync(db, NegotiationSteps.FinalizeAsync(db, id, user, signer, Now(clock), ct), ct);

    public static async Task<Ok<NegotiationResponse>> Terminate(Guid id, TerminateRequest request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, CancellationToken ct) =>
        await RespondAsync(db, NegotiationSteps.TerminateAsync(db, id, user, request.Validate(), Now(clock), ct), ct);

    private static DateTime Now(TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    private static async Task<Ok<NegotiationResponse>> RespondAsync(ContractsDb db, Task<Negotiation> step, CancellationToken ct) =>
        TypedResults.Ok(await NegotiationResponse.ForAsync(db, await step, ct));
}
