using System.Security.Claims;
using Marketplace.BuildingBlocks.Security;

namespace Marketplace.Pricing.Apis;

internal static class PricingCaller
{
    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(MarketplaceRoles.Admin);
}
