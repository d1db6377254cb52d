using System.Security.Claims;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Pricing;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Pricing.Domain;
using Marketplace.Pricing.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Pricing.Apis;

/// <summary>Quotes: the reference price of a dataset for requested terms, its band, every factor, the fee, and any voucher.</summary>
public static class QuotesApi
{
    public static IEndpointRouteBuilder MapQuotesApi(this IEndpointRouteBuilder app)
    {
        app.MapModuleGroup(PricingModule.ModuleName, "/quotes", "Quotes").ProducesValidationProblem()
            .MapPost("/", Quote).RequireAuthorization().WithName("Quote")
            .WithSummary("Price a dataset for a purpose, a duration and exclusivity, explained factor by factor")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Ok<QuoteResponse>> Quote(
        QuoteRequest request, ClaimsPrincipal user, PricingDb db, PriceListCache prices, TimeProvider clock, CancellationToken ct)
    {
        var (datasetId, terms) = request.Validate();
        var organisation = user.OrganisationIdOf();
        var dataset = await db.DatasetCopies.AsNoTracking().FirstOrDefaultAsync(l => l.DatasetId == datasetId && l.Listed, ct);
        if (dataset is null || !dataset.IsVisibleTo(organisation, PricingCaller.IsAdmin(user)))
        {
            throw new NotFoundException("Dataset", datasetId);
        }

        if (terms.Exclusive && !dataset.ExclusivityAvailable)
        {
            throw new RuleViolationException("This dataset is not offered exclusively.", nameof(request.Exclusive));
        }

        var at = request.At?.ToUniversalTime() ?? clock.GetUtcNow().UtcDateTime;
        var snapshot = await prices.GetAsync(ct);
        var baseline = PriceListCache.InForce(snapshot, dataset.ProcessStage, dataset.DataType, at)
            ?? throw new RuleViolationException($"No pricing baseline is in force for this dataset's category at {at:O}.");
        var price = PriceFormula.Quote(baseline, dataset, terms);
        var voucher = BestVoucher(snapshot, organisation, user.IsSme(), at, price.ReferencePriceKrw);
        return TypedResults.Ok(new QuoteResponse(dataset.DatasetId, dataset.Version, at, terms, price, voucher));
    }

    /// <summary>The programme a finalized agreement would draw on; its remainder may be up to a second old (a quote reserves nothing).</summary>
    private static VoucherOffer? BestVoucher(PriceListCache.Snapshot snapshot, Guid buyer, bool sme, DateTime at, decimal price)
    {
        var best = VoucherProgramme.BestFor(snapshot.Vouchers, buyer, sme, at, price);
        return best is null ? null : new VoucherOffer(best.Id, best.Name, best.SubsidyFor(price), price - best.SubsidyFor(price));
    }
}
