using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.Vocabulary;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Marketplace.Contracts.Negotiations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Contracts.Apis;

/// <summary>
/// The contract negotiation protocol of the Dataspace Protocol 2025-1, provider side, under
/// <see cref="DataspaceProtocol.Path"/><c>/negotiations</c>: a buyer organisation's registered connector requests a
/// catalog offer as it is (a standard offer, by its <c>@id</c>), reads the negotiation, accepts an offer the provider
/// made or counters it with another price or terms, verifies the agreement — the platform then finalizes it on the
/// provider's behalf — or terminates. A request naming another price or terms than the offer's (<see cref="OdrlProposal"/>)
/// is a counter-offer: a request like the REST API's. Each
/// message is the same step the REST API takes (<see cref="NegotiationSteps"/>, <see cref="StandardOffers"/>): the band,
/// the dataset's terms and the state machine hold alike. Errors are DSP <c>ContractNegotiationError</c>s.
/// </summary>
public static class DspNegotiationApi
{
    public static IEndpointRouteBuilder MapDspNegotiationApi(this IEndpointRouteBuilder app)
    {
        var negotiations = app.MapGroup($"{DataspaceProtocol.Path}/negotiations").ExcludeFromDescription().RequireAuthorization();
        negotiations.MapPost("/request", RequestNegotiation);
        negotiations.MapGet("/{providerPid}", GetNegotiation);
        negotiations.MapPost("/{providerPid}/request", (string providerPid, HttpContext http, ClaimsPrincipal user, ContractsDb db, PublicAddress address,
            TimeProvider clock, IOptions<ContractsOptions> options, CancellationToken ct) =>
            StepAsync(http, providerPid, "ContractRequestMessage", user, db, async (n, message) =>
            {
                // The consumer's counter-offer to the provider's offer: the price and terms its offer names, the rest as they are.
                var proposal = message.TryGetProperty("offer", out var offer) ? OdrlProposal.Read(offer, address.Root) : null;
                if (proposal is null || proposal.IsEmpty)
                {
                    throw new ValidationException(new Dictionary<string, string[]>
                    {
                        ["offer"] = ["A counter-offer names what it proposes: its price (payAmount in KRW) or terms in the marketplace's ODRL profile."],
                    });
                }

                await NegotiationSteps.ProposeAsync(db, n.Id, user, NegotiationAction.Counter, proposal.Changes, proposal.Price, clock.GetUtcNow().UtcDateTime,
                    options.Value, ct);
            }, ct));
        negotiations.MapPost("/{providerPid}/events", (string providerPid, HttpContext http, ClaimsPrincipal user, ContractsDb db, TimeProvider clock,
            IOptions<ContractsOptions> options, CancellationToken ct) =>
            StepAsync(http, providerPid, "ContractNegotiationEventMessage", user, db, async (n, message) =>
            {
                if (DspMessages.Text(message, "eventType") is not { } type || !DspMessages.IsTerm(type, "ACCEPTED"))
                {
                    throw new ValidationException(new Dictionary<string, string[]>
                    {
                        ["eventType"] = ["A consumer sends ACCEPTED (to accept the provider's offer); FINALIZED is the provider's to send."],
                    });
                }

                await NegotiationSteps.AcceptAsync(db, n.Id, user, clock.GetUtcNow().UtcDateTime, options.Value, ct);
            }, ct));
        negotiations.MapPost("/{providerPid}/agreement/verification", (string providerPid, HttpContext http, ClaimsPrincipal user, ContractsDb db,
            TimeProvider clock, PlatformSigner signer, IOptions<ContractsOptions> options, CancellationToken ct) =>
            StepAsync(http, providerPid, "ContractAgreementVerificationMessage", user, db, async (n, _) =>
            {
                // The connector verified the agreement it was sent: the buyer's signature on it, then the platform's receipt.
                // A verification sent again after the receipt failed finalizes what is verified already.
                var now = clock.GetUtcNow().UtcDateTime;
                if (n.State != NegotiationState.Verified)
                {
                    await NegotiationSteps.VerifyAsync(db, n.Id, user, n.AgreementHash ?? "", now, options.Value, ct);
                }

                await NegotiationSteps.FinalizeAsync(db, n.Id, user, signer, now, ct);
            }, ct));
        negotiations.MapPost("/{providerPid}/termination", (string providerPid, HttpContext http, ClaimsPrincipal user, ContractsDb db, TimeProvider clock,
            CancellationToken ct) =>
            StepAsync(http, providerPid, "ContractNegotiationTerminationMessage", user, db, async (n, message) =>
            {
                // A code the marketplace knows is kept as the reason; any other is "other".
                var code = DspMessages.Text(message, "code");
                var reason = TermsVocabulary.TerminationReasons.Any(r => r.Code == code) ? code! : "other";
                await NegotiationSteps.TerminateAsync(db, n.Id, user, reason, clock.GetUtcNow().UtcDateTime, ct);
            }, ct));
        return app;
    }

    /// <summary>
    /// <c>ContractRequestMessage</c>: the offer is one of the catalog's (its <c>@id</c>), requested as it is starting today,
    /// or at another price or terms (a counter-offer, checked against the dataset's terms and the band; out of it the
    /// error names the band); the callback address is one the connector's client registered (or under one). 201 with the
    /// <c>ContractNegotiation</c>, AGREED at once when the offer as it is lets the platform agree.
    /// </summary>
    public static async Task<IResult> RequestNegotiation(
        HttpContext http, ClaimsPrincipal user, ContractsDb db, PublicAddress address, TimeProvider clock, IOptions<ContractsOptions> options,
        IAuthorizationService authorization, CancellationToken ct)
    {
        var (message, problem) = await DspMessages.ReadAsync(http.Request, "ContractRequestMessage", ct);
        var consumerPid = DspMessages.Text(message, "consumerPid");
        if (problem is not null)
        {
            return Error(StatusCodes.Status400BadRequest, "", consumerPid ?? "", problem);
        }

        if (consumerPid is not { Length: > 0 and <= DataspaceProtocol.MaxIdLength })
        {
            return Error(StatusCodes.Status400BadRequest, "", consumerPid ?? "",
                $"consumerPid: the consumer's process id (1 to {DataspaceProtocol.MaxIdLength} characters) is required.");
        }

        if (DspMessages.Text(message, "providerPid") is { } providerPid)
        {
            return Error(StatusCodes.Status400BadRequest, providerPid, consumerPid,
                $"A request naming providerPid is a counter-offer on that negotiation: send it to {DataspaceProtocol.Path}/negotiations/{providerPid}/request.");
        }

        if (!(await authorization.AuthorizeAsync(user, MarketplacePolicies.VerifiedBuyer)).Succeeded)
        {
            return Error(StatusCodes.Status403Forbidden, "", consumerPid, "Only a connector of a verified buyer organisation may request a negotiation.");
        }

        var registered = user.FindAll(MarketplaceClaims.DspCallback).Select(c => c.Value).ToList();
        if (registered.Count == 0)
        {
            return Error(StatusCodes.Status403Forbidden, "", consumerPid,
                "This API client is not a registered connector: an organisation administrator registers one with its callback addresses "
                + "(POST /api/identity/organisations/{id}/clients with \"connector\").");
        }

        var callback = DspMessages.Text(message, "callbackAddress")?.TrimEnd('/');
        if (callback is not { Length: <= DataspaceProtocol.MaxAddressLength } || !registered.Any(r => callback == r || callback.StartsWith(r + "/", StringComparison.Ordinal)))
        {
            return Error(StatusCodes.Status400BadRequest, "", consumerPid,
                $"callbackAddress: one of the addresses registered for this connector, or under one: {string.Join(", ", registered)}.");
        }

        var offerIri = message.TryGetProperty("offer", out var offer) && offer.ValueKind == JsonValueKind.Object ? DspMessages.Text(offer, "@id") : null;
        if (OdrlPolicy.StandardOfferIn(address.Root, offerIri) is not { } offerId)
        {
            return Error(StatusCodes.Status400BadRequest, "", consumerPid,
                $"offer: one of the catalog's offers by its @id ({OdrlPolicy.StandardOfferIri(address.Root, Guid.Empty).Replace(Guid.Empty.ToString(), "{id}", StringComparison.Ordinal)}), "
                + "as the catalog lists it, or with another price or terms in the marketplace's ODRL profile.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var listed = await StandardOffers.FindAsync(db, offerId, user, tracked: true, ct);
            listed.EnsureActive();
            var peer = new DspPeer(user.FindFirst(MarketplaceClaims.DspParticipant)?.Value ?? "", consumerPid, callback);
            var today = DateOnly.FromDateTime(now);
            // The offer as it is (by its @id alone, or written out unchanged), or a counter-offer on its price or terms: a
            // request like the REST API's, checked against the dataset's terms and the band.
            var proposal = OdrlProposal.Read(offer, address.Root);
            var price = proposal.Price ?? listed.PriceKrw;
            var terms = ProposedTerms.Resolve(proposal.Changes, listed.TermsFrom(today), price, today, currentPrice: listed.PriceKrw);
            var negotiation = price == listed.PriceKrw && ProposedTerms.Same(terms, listed.TermsFrom(today))
                ? await StandardOffers.RequestAsync(db, listed, user, today, now, options.Value, ct, peer)
                : await OpenNegotiation.RunAsync(db, listed.DatasetId, user, terms, price, now, options.Value, renewalOf: null, ct, peer: peer);
            http.Response.Headers.Location = $"{address.Root}{DataspaceProtocol.Path}/negotiations/{DspNegotiation.ProviderPid(negotiation.Id)}";
            return DspMessages.Json(StatusCodes.Status201Created, DspNegotiation.Of(negotiation));
        }
        catch (Exception e) when (StatusOf(e) is { } status)
        {
            return Error(status, "", consumerPid, e);
        }
    }

    public static async Task<IResult> GetNegotiation(string providerPid, ClaimsPrincipal user, ContractsDb db, CancellationToken ct) =>
        await FindAsync(db, providerPid, user, ct) is { } n
            ? DspMessages.Json(StatusCodes.Status200OK, DspNegotiation.Of(n))
            : NotFound(providerPid);

    /// <summary>
    /// A consumer's message on a negotiation it requested: the message's type and its <c>consumerPid</c> (the one the
    /// negotiation keeps) are checked, then the step is taken; 200 with no body. A step the state does not allow is a 409.
    /// </summary>
    private static async Task<IResult> StepAsync(
        HttpContext http, string providerPid, string type, ClaimsPrincipal user, ContractsDb db, Func<Negotiation, JsonElement, Task> step, CancellationToken ct)
    {
        if (await FindAsync(db, providerPid, user, ct) is not { } n)
        {
            return NotFound(providerPid);
        }

        var (message, problem) = await DspMessages.ReadAsync(http.Request, type, ct);
        if (problem is not null || DspMessages.Text(message, "consumerPid") != n.DspConsumerPid)
        {
            return Error(StatusCodes.Status400BadRequest, providerPid, n.DspConsumerPid!, problem ?? $"consumerPid: this negotiation's is {n.DspConsumerPid}.");
        }

        try
        {
            await step(n, message);
            return Results.Ok();
        }
        catch (Exception e) when (StatusOf(e) is { } status)
        {
            return Error(status, providerPid, n.DspConsumerPid!, e);
        }
    }

    /// <summary>A negotiation a connector requested, for a party to it; null for any other id or caller.</summary>
    private static async Task<Negotiation?> FindAsync(ContractsDb db, string providerPid, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Guid.TryParse(providerPid, out var id))
        {
            return null;
        }

        var n = await db.Negotiations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.DspConsumerPid != null, ct);
        return n?.PartyOf(user.OrganisationIdOf()) is null ? null : n;
    }

    /// <summary>
    /// The status of a failure the caller caused: 400 for what it sent or a transition the state does not allow (as DSP
    /// requires), 404 for an unknown id, 409 for a concurrent change; null for ours.
    /// </summary>
    private static int? StatusOf(Exception e) => e switch
    {
        ValidationException or RuleViolationException or ConflictException or PreconditionFailedException => StatusCodes.Status400BadRequest,
        NotFoundException => StatusCodes.Status404NotFound,
        _ when WriteConflict.Is(e) => StatusCodes.Status409Conflict,
        _ => null,
    };

    /// <summary>The error of a refused step: the reason in words, then what the marketplace knows more (the band of an out-of-band price).</summary>
    private static IResult Error(int status, string providerPid, string consumerPid, Exception e)
    {
        var document = DspNegotiation.Error(status, providerPid, consumerPid,
            e is ValidationException v ? string.Join(" ", v.Errors.SelectMany(x => x.Value.Select(m => $"{x.Key}: {m}"))) : e.Message);
        if (e is DomainException domain && domain.Details.TryGetValue("band", out var details) && details is PriceCheck band)
        {
            document["reason"]!.AsArray().Add(string.Create(CultureInfo.InvariantCulture,
                $"band: {band.BandFloorKrw} to {band.BandCeilingKrw} KRW (reference price {band.ReferencePriceKrw} KRW)"));
        }

        return DspMessages.Json(status, document);
    }

    private static IResult NotFound(string providerPid) =>
        Error(StatusCodes.Status404NotFound, providerPid, "", $"No negotiation {providerPid} that your organisation requested through the Dataspace Protocol.");

    private static IResult Error(int status, string providerPid, string consumerPid, string reason) =>
        DspMessages.Json(status, DspNegotiation.Error(status, providerPid, consumerPid, reason));
}
