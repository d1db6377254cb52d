using System.Security.Claims;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Pricing.Domain;
using Marketplace.Pricing.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Pricing.Apis;

/// <summary>Market statistics from finalized agreements, per category with at least five of them.</summary>
public static class StatisticsApi
{
    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        app.MapModuleGroup(PricingModule.ModuleName, "/statistics", "Statistics")
            .MapGet("/", Get).RequireAuthorization().WithName("MarketStatistics")
            .WithSummary("Per category: agreements, quartiles of the price per reference unit, share at the band's edges (administrators: recalibration hints)");
        return app;
    }

    public static async Task<Ok<CategoryStatistics[]>> Get(ClaimsPrincipal user, PricingDb db, CancellationToken ct)
    {
        var statistics = MarketStatistics.Of(await db.Agreements.AsNoTracking().ToListAsync(ct));
        var admin = PricingCaller.IsAdmin(user);
        return TypedResults.Ok(statistics.Select(s => admin ? s : s with { RecalibrationHint = false }).ToArray());
    }
}
