using System.Security.Claims;
using Marketplace.BuildingBlocks.Errors;
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

/// <summary>Voucher programmes (administrators): subsidies for eligible buyers within a budget.</summary>
public static class VouchersApi
{
    public static IEndpointRouteBuilder MapVouchersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapModuleGroup(PricingModule.ModuleName, "/vouchers", "Vouchers").ProducesValidationProblem()
            .RequireAuthorization(MarketplacePolicies.Admin);
        api.MapPost("/", Create).WithName("CreateVoucherProgramme").WithSummary("Start a voucher programme");
        api.MapGet("/", List).WithName("ListVoucherProgrammes").WithSummary("Voucher programmes with their budgets and reservations");
        api.MapGet("/{id:guid}", Get).WithEntityTag().WithName("GetVoucherProgramme").WithSummary("One voucher programme with its budget and reservations");
        return app;
    }

    public static async Task<Created<VoucherProgrammeResponse>> Create(
        VoucherProgrammeRequest r, ClaimsPrincipal user, PricingDb db, PriceListCache prices, TimeProvider clock, CancellationToken ct)
    {
        var programme = VoucherProgramme.Create(r.Name, r.ForSmes, r.Organisations, r.SubsidyPercent, r.CapPerAgreementKrw, r.BudgetKrw,
            r.ValidFrom?.ToUniversalTime(), r.ValidTo?.ToUniversalTime(), user.SubjectOf(), clock.GetUtcNow().UtcDateTime);
        db.VoucherProgrammes.Add(programme);
        await db.SaveChangesAsync(ct);
        prices.Invalidate();
        return TypedResults.Created($"/api/pricing/vouchers/{programme.Id}", VoucherProgrammeResponse.From(programme, 0));
    }

    public static async Task<Ok<Page<VoucherProgrammeResponse>>> List(
        PricingDb db, int limit = PageCursor.DefaultLimit, string? cursor = null, CancellationToken ct = default)
    {
        new Validator().RequireLimit(limit).ThrowIfInvalid();
        var after = PageCursor.Decode<ListCursor>(cursor, c => c.Query == "vouchers");
        var query = db.VoucherProgrammes.AsNoTracking();
        if (after is not null)
        {
            query = query.Where(p => p.CreatedAt < after.At || (p.CreatedAt == after.At && p.Id.CompareTo(after.Id) > 0));
        }

        var rows = await WithReservations(db, query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).Take(limit + 1)).ToListAsync(ct);
        return TypedResults.Ok(PageCursor.Of(rows, limit, r => VoucherProgrammeResponse.From(r.Programme, r.Reservations),
            r => new ListCursor("vouchers", r.Programme.CreatedAt, r.Programme.Id)));
    }

    public static async Task<Ok<VoucherProgrammeResponse>> Get(Guid id, PricingDb db, CancellationToken ct)
    {
        var row = await WithReservations(db, db.VoucherProgrammes.AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(ct);
        return row is null
            ? throw new NotFoundException("Voucher programme", id)
            : TypedResults.Ok(VoucherProgrammeResponse.From(row.Programme, row.Reservations));
    }

    /// <summary>
    /// Each programme with its count of reservations, read in one statement: the amount reserved and the count of
    /// reservations always agree, even while a finalization is reserving (two reads could straddle its commit).
    /// </summary>
    private static IQueryable<ProgrammeRow> WithReservations(PricingDb db, IQueryable<VoucherProgramme> programmes) =>
        programmes.Select(p => new ProgrammeRow(p, db.VoucherReservations.Count(r => r.ProgrammeId == p.Id)));

    private sealed record ProgrammeRow(VoucherProgramme Programme, int Reservations);
}
