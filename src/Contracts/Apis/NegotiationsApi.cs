using System.Security.Claims;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Organisations;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.BuildingBlocks.Vocabulary;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Marketplace.Contracts.IntegrationEvents;
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

        Action(api, "offer", Offer, "Offer the requested terms or a counter-offer (provider, on a request)", proposes: true);
        Action(api, "counter", Counter, "Answer an offer with other terms or another price (buyer, on an offer)", proposes: true);
        Action(api, "accept", Accept, "Accept the offer on the table (buyer)");
        Action(api, "agree", Agree, "Agree and sign the agreement drafted from the accepted offer (provider)");
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
        var terms = ContractTermsRequest.Resolve(request.Terms, null, price, DateOnly.FromDateTime(now));
        var buyer = user.OrganisationIdOf();
        var dataset = await NegotiableDatasetAsync(db, datasetId, buyer, ct);
        var negotiation = await OpenAsync(db, dataset, buyer, user, terms, price, now, options.Value, renewalOf: null, ct);
        return TypedResults.Created($"/api/contracts/negotiations/{negotiation.Id}", await NegotiationResponse.ForAsync(db, negotiation, ct));
    }

    public static async Task<Ok<NegotiationPage>> ListNegotiations(
        ClaimsPrincipal user, ContractsDb db, string? state = null, int offset = 0, int limit = 20, CancellationToken ct = default)
    {
        var wanted = state is null ? null : NegotiationRules.Parse(state);
        new Validator()
            .Require(state is null || wanted is not null, "state", "One of REQUESTED, OFFERED, ACCEPTED, AGREED, VERIFIED, FINALIZED, TERMINATED.")
            .Require(offset >= 0, "offset", "Must be 0 or more.")
            .Require(limit is >= 1 and <= 100, "limit", "Must be 1 to 100.")
            .ThrowIfInvalid();
        var organisation = user.OrganisationIdOf();
        var query = db.Negotiations.AsNoTracking().Where(n => n.BuyerOrganisationId == organisation || n.ProviderOrganisationId == organisation);
        if (wanted is { } s)
        {
            query = query.Where(n => n.State == s);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(n => n.UpdatedAt).ThenBy(n => n.Id).Skip(offset).Take(limit).ToListAsync(ct);
        var names = await PartyNames.LoadAsync(db, items.SelectMany(n => new[] { n.ProviderOrganisationId, n.BuyerOrganisationId }), ct);
        return TypedResults.Ok(new NegotiationPage(items.Select(n => NegotiationResponse.From(n, names)).ToList(), total));
    }

    public static async Task<Results<Ok<NegotiationResponse>, NotFound>> GetNegotiation(Guid id, ClaimsPrincipal user, ContractsDb db, CancellationToken ct)
    {
        var n = await db.Negotiations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return n is not null && (n.PartyOf(user.OrganisationIdOf()) is not null || user.IsInRole(MarketplaceRoles.Admin))
            ? TypedResults.Ok(await NegotiationResponse.ForAsync(db, n, ct))
            : TypedResults.NotFound();
    }

    public static Task<Ok<NegotiationResponse>> Offer(Guid id, ProposalRequest request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, IOptions<ContractsOptions> o, CancellationToken ct) =>
        ProposeAsync(NegotiationAction.Offer, id, request, user, db, clock, o.Value, ct);

    public static Task<Ok<NegotiationResponse>> Counter(Guid id, ProposalRequest request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, IOptions<ContractsOptions> o, CancellationToken ct) =>
        ProposeAsync(NegotiationAction.Counter, id, request, user, db, clock, o.Value, ct);

    public static Task<Ok<NegotiationResponse>> Accept(Guid id, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, IOptions<ContractsOptions> o, CancellationToken ct) =>
        ActAsync(db, id, user, clock, NegotiationAction.Accept, (n, party, now) =>
        {
            n.Accept(party, user.SubjectOf(), now, o.Value.ResponsePeriod);
            return Task.FromResult<Agreement?>(null);
        }, ct);

    public static Task<Ok<NegotiationResponse>> Agree(Guid id, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, IOptions<ContractsOptions> o, CancellationToken ct) =>
        ActAsync(db, id, user, clock, NegotiationAction.Agree, async (n, party, now) =>
        {
            var dataset = await db.DatasetCopies.AsNoTracking().FirstAsync(d => d.DatasetId == n.DatasetId, ct);
            var agreementId = Guid.CreateVersion7();
            var document = CanonicalJson.Serialize(AgreementDocument.Of(agreementId, n, dataset));
            var hash = CanonicalJson.Sha256Hex(document);
            n.Agree(party, user.SubjectOf(), agreementId, hash, now, o.Value.ResponsePeriod);
            var agreement = Agreement.Draft(agreementId, n, document, hash, new Signature(user.OrganisationIdOf(), user.SubjectOf(), now));
            db.Agreements.Add(agreement);
            return agreement;
        }, ct);

    public static Task<Ok<NegotiationResponse>> Verify(Guid id, VerifyRequest request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, IOptions<ContractsOptions> o, CancellationToken ct) =>
        ActAsync(db, id, user, clock, NegotiationAction.Verify, async (n, party, now) =>
        {
            var hash = request.Validate();
            var agreement = await db.Agreements.FirstAsync(a => a.Id == n.AgreementId, ct);
            agreement.SignByBuyer(new Signature(user.OrganisationIdOf(), user.SubjectOf(), now), hash);
            n.Verify(party, user.SubjectOf(), now, o.Value.ResponsePeriod);
            return agreement;
        }, ct);

    public static Task<Ok<NegotiationResponse>> FinalizeNegotiation(Guid id, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, PlatformSigner signer, CancellationToken ct) =>
        ActAsync(db, id, user, clock, NegotiationAction.Finalize, async (n, party, now) =>
        {
            var agreement = await db.Agreements.FirstAsync(a => a.Id == n.AgreementId, ct);
            n.Finalize(party, user.SubjectOf(), now);
            agreement.Finalize(await signer.ReceiptAsync(agreement, now, ct), now);
            return agreement;
        }, ct);

    public static Task<Ok<NegotiationResponse>> Terminate(Guid id, TerminateRequest request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, CancellationToken ct) =>
        ActAsync(db, id, user, clock, NegotiationAction.Terminate, async (n, party, now) =>
        {
            var reason = request.Validate();
            n.Terminate(party, user.SubjectOf(), reason, now);
            var agreement = n.AgreementId is { } a ? await db.Agreements.FirstAsync(x => x.Id == a, ct) : null;
            agreement?.Terminate(party.ToString().ToLowerInvariant(), reason, now);
            return agreement;
        }, ct);

    /// <summary>Opens a negotiation (a request, or a renewal): checks the dataset's terms and the band, writes it and its event.</summary>
    internal static async Task<Negotiation> OpenAsync(
        ContractsDb db, DatasetCopy dataset, Guid buyer, ClaimsPrincipal user, ContractTerms terms, decimal price, DateTime now,
        ContractsOptions options, Guid? renewalOf, CancellationToken ct)
    {
        if (dataset.ProviderOrganisationId == buyer)
        {
            throw new RuleViolationException("An organisation cannot negotiate for its own dataset.", "datasetId");
        }

        ContractTermsRequest.EnsureOffered(terms, dataset);
        var check = await PriceBands.CheckAsync(db, dataset, terms, price, now, ct);
        var negotiation = Negotiation.Request(dataset, buyer, user.IsSme(), user.SubjectOf(), terms, price, check, now, options.ResponsePeriod, renewalOf);
        db.Negotiations.Add(negotiation);
        db.AddEvent(NegotiationEvents.For(negotiation, null, dataset));
        await db.SaveChangesAsync(ct);
        return negotiation;
    }

    /// <summary>A listed dataset the buyer may see; 404 for anything else, restricted datasets included.</summary>
    internal static async Task<DatasetCopy> NegotiableDatasetAsync(ContractsDb db, Guid datasetId, Guid buyer, CancellationToken ct)
    {
        var dataset = await db.DatasetCopies.AsNoTracking().FirstOrDefaultAsync(d => d.DatasetId == datasetId, ct);
        return dataset is { Listed: true } && dataset.IsVisibleTo(buyer) ? dataset : throw new NotFoundException("Dataset", datasetId);
    }

    /// <summary>
    /// Loads the negotiation for a party (404 for anyone else), expires it if its deadline passed (409),
    /// applies the action, and saves it with its event in one transaction; a concurrent change makes the
    /// save fail on the revision (409).
    /// </summary>
    private static async Task<Ok<NegotiationResponse>> ActAsync(
        ContractsDb db, Guid id, ClaimsPrincipal user, TimeProvider clock, NegotiationAction action,
        Func<Negotiation, Party, DateTime, Task<Agreement?>> apply, CancellationToken ct)
    {
        var n = await db.Negotiations.FirstOrDefaultAsync(x => x.Id == id, ct);
        var party = n?.PartyOf(user.OrganisationIdOf()) ?? throw new NotFoundException("Negotiation", id);
        var now = clock.GetUtcNow().UtcDateTime;
        if (n!.ExpireIfDue(now))
        {
            await NegotiationExpiry.RecordAsync(db, n, now, ct);
            await db.SaveChangesAsync(ct);
        }

        n.EnsureAllowed(action, party);
        var agreement = await apply(n, party, now);
        var dataset = n.State == NegotiationState.Finalized ? await db.DatasetCopies.AsNoTracking().FirstOrDefaultAsync(d => d.DatasetId == n.DatasetId, ct) : null;
        db.AddEvent(NegotiationEvents.For(n, agreement, dataset));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await NegotiationResponse.ForAsync(db, n, ct));
    }

    /// <summary>An offer or a counter: the proposal on the table with the request's changes, checked against the band in force now.</summary>
    private static Task<Ok<NegotiationResponse>> ProposeAsync(
        NegotiationAction action, Guid id, ProposalRequest request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, ContractsOptions options,
        CancellationToken ct) =>
        ActAsync(db, id, user, clock, action, async (n, party, now) =>
        {
            var price = request.Validate(n.PriceKrw);
            var terms = ContractTermsRequest.Resolve(request.Terms, n.Terms, price, DateOnly.FromDateTime(now), currentPrice: n.PriceKrw);
            var dataset = await db.DatasetCopies.AsNoTracking().FirstAsync(d => d.DatasetId == n.DatasetId, ct);
            ContractTermsRequest.EnsureOffered(terms, dataset);
            // The band of the baseline version in force now: a version published mid-negotiation applies to new proposals.
            var check = await PriceBands.CheckAsync(db, dataset, terms, price, now, ct);
            if (action == NegotiationAction.Offer)
            {
                n.Offer(party, user.SubjectOf(), terms, price, check, now, options.ResponsePeriod);
            }
            else
            {
                n.Counter(party, user.SubjectOf(), terms, price, check, now, options.ResponsePeriod);
            }

            return null;
        }, ct);
}
