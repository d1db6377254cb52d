namespace Marketplace.BuildingBlocks.Security;

/// <summary>Roles carried in access tokens; policies of the same names require them.</summary>
public static class MarketplaceRoles
{
    public const string Provider = "provider";
    public const string Buyer = "buyer";
    public const string Admin = "admin";

    /// <summary>
    /// A policy, not a role: the caller administers its own organisation (claim
    /// <see cref="MarketplaceClaims.OrganisationAdmin"/>). Which organisation is still checked per request.
    /// </summary>
    public const string OrganisationAdmin = "organisation-admin";

    /// <summary>A policy, not a role: the caller trades (buyer or provider), e.g. acts in a contract negotiation.</summary>
    public const string Trader = "trader";
}
