using System.Security.Claims;
using Marketplace.BuildingBlocks.Errors;
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

/// <summary>
/// Standard offers: terms and a price a provider fixes in advance for a dataset, which a buyer requests as they are
/// ("request at standard terms"), optionally agreed at once by the platform on the provider's behalf.
/// </summary>
public static class StandardOffersApi
{
    private const string Tag = "Standard offers";

    public static IEndpointRouteBuilder MapStandardOffersApi(this IEndpointRouteBuilder app)
    {
        var datasets = app.MapModuleGroup(ContractsModule.ModuleName, "/datasets/{id:guid}/standard-offers", Tag).ProducesValidationProblem();
        datasets.MapPost("/", PublishStandardOffer).RequireAuthorization(MarketplacePolicies.VerifiedProvider)
            .WithName("PublishStandardOffer").WithSummary("Publish terms and a price inside the band that buyers may request as they are (the dataset's provider)")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        datasets.MapGet("/", ListStandardOffers).RequireAuthorization()
            .WithName("ListStandardOffers").WithSummary("A dataset's active standard offers, cheapest first");

        var offers = app.MapModuleGroup(ContractsModule.ModuleName, "/standard-offers", Tag).ProducesValidationProblem();
        offers.MapGet("/{id:guid}", GetStandardOffer).RequireAuthorization()
            .WithName("GetStandardOffer").WithSummary("One standard offer, active or withdrawn");
        offers.MapPost("/{id:guid}/withdraw", WithdrawStandardOffer).RequireAuthorization(MarketplacePolicies.VerifiedProvider)
            .WithName("WithdrawStandardOffer").WithSummary("Take a standard offer off the list; negotiations opened on it go on (its provider)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        offers.MapPost("/{id:guid}/request", RequestStandardTerms).RequireAuthorization(MarketplacePolicies.VerifiedBuyer)
            .WithName("RequestStandardTerms").WithSummary("Request a dataset at a standard offer's terms and price (buyers)")
            .WithDescription("Opens a negotiation at the offer's terms and price, checked against the band in force now. An offer the band or the dataset "
                + "no longer admits is withdrawn and the request answered 409. When the provider lets the platform agree automatically, the negotiation "
                + "is AGREED at once (the history names the platform and the offer) and the buyer verifies the agreement next.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Created<StandardOfferResponse>> PublishStandardOffer(
        Guid id, PublishStandardOfferRequest request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, CancellationToken ct)
    {
        var price = request.Validate();
        var now = clock.GetUtcNow().UtcDateTime;
        var terms = ProposedTerms.Resolve(request.Terms, null, price, DateOnly.FromDateTime(now));
        var offer = await StandardOffers.PublishAsync(db, id, user, terms, price, request.AutoAgree ?? false, now, ct);
        return TypedResults.Created($"/api/contracts/standard-offers/{offer.Id}", StandardOfferResponse.From(offer));
    }

    public static async Task<Ok<StandardOfferList>> ListStandardOffers(Guid id, ClaimsPrincipal user, ContractsDb db, CancellationToken ct)
    {
        var dataset = await db.DatasetCopies.AsNoTracking().FirstOrDefaultAsync(d => d.DatasetId == id, ct);
        if (dataset is null || !(dataset.IsVisibleTo(user.OrganisationIdOf()) || user.IsInRole(MarketplaceRoles.Admin)))
        {
            throw new NotFoundException("Dataset", id);
        }

        var offers = await StandardOffers.ActiveAsync(db, [id], ct);
        return TypedResults.Ok(new StandardOfferList([.. offers[id].Select(StandardOfferResponse.From)]));
    }

    public static async Task<Ok<StandardOfferResponse>> GetStandardOffer(Guid id, ClaimsPrincipal user, ContractsDb db, CancellationToken ct) =>
        TypedResults.Ok(StandardOfferResponse.From(await StandardOffers.FindAsync(db, id, user, tracked: false, ct)));

    public static async Task<Ok<StandardOfferResponse>> WithdrawStandardOffer(Guid id, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(StandardOfferResponse.From(await StandardOffers.WithdrawAsync(db, id, user, clock.GetUtcNow().UtcDateTime, ct)));

    public static async Task<Created<NegotiationResponse>> RequestStandardTerms(
        Guid id, RequestStandardTermsRequest? request, ClaimsPrincipal user, ContractsDb db, TimeProvider clock, IOptions<ContractsOptions> options,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var start = (request ?? new RequestStandardTermsRequest()).Validate(DateOnly.FromDateTime(now));
        var negotiation = await StandardOffers.RequestAsync(db, id, user, start, now, options.Value, ct);
        return TypedResults.Created($"/api/contracts/negotiations/{negotiation.Id}", await NegotiationResponse.ForAsync(db, negotiation, ct));
    }
}
