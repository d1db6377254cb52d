using System.Security.Claims;
using Marketplace.BuildingBlocks.Security;

namespace Marketplace.Pricing.Apis;

internal static class PricingCaller
{
    public static string SubjectOf(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? "unknown";

    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(MarketplaceRoles.Admin);

    public static bool IsSme(ClaimsPrincipal user) => user.FindFirst(MarketplaceClaims.Sme)?.Value == "true";
}
