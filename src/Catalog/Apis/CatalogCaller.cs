using System.Security.Claims;
using Marketplace.BuildingBlocks.Security;
using Marketplace.Catalog.Domain;
using Marketplace.Catalog.Infrastructure;

namespace Marketplace.Catalog.Apis;

/// <summary>Who is calling, as the catalog's rules need it (anonymous callers have no organisation).</summary>
internal static class CatalogCaller
{
    public static Viewer ViewerOf(ClaimsPrincipal user) =>
        new(user.Identity?.IsAuthenticated == true ? user.OrganisationIdOf() : null, user.IsInRole(MarketplaceRoles.Admin));

    public static bool Manages(this ClaimsPrincipal user, Dataset dataset) =>
        user.IsInRole(MarketplaceRoles.Admin) || IsProviderOf(user, dataset);

    public static bool IsProviderOf(this ClaimsPrincipal user, Dataset dataset) =>
        user.Identity?.IsAuthenticated == true && user.OrganisationIdOf() == dataset.ProviderOrganisationId;

    public static bool MaySee(this ClaimsPrincipal user, Dataset dataset)
    {
        var viewer = ViewerOf(user);
        return dataset.IsVisibleTo(viewer.OrganisationId, viewer.IsAdmin);
    }
}
