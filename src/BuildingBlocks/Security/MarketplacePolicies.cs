namespace Marketplace.BuildingBlocks.Security;

/// <summary>Authorization policies of the marketplace's endpoints; which object a caller may touch is still checked per request.</summary>
public static class MarketplacePolicies
{
    /// <summary>The caller's organisation lists data (role provider).</summary>
    public const string Provider = MarketplaceRoles.Provider;

    /// <summary>The caller's organisation buys data (role buyer).</summary>
    public const string Buyer = MarketplaceRoles.Buyer;

    /// <summary>A platform administrator (role admin).</summary>
    public const string Admin = MarketplaceRoles.Admin;

    /// <summary>A provider whose organisation an administrator has verified: may publish datasets and trade.</summary>
    public const string VerifiedProvider = "verified-provider";

    /// <summary>A buyer whose organisation an administrator has verified: may request contracts and receive access grants.</summary>
    public const string VerifiedBuyer = "verified-buyer";

    /// <summary>A verified buyer or provider: may act in a contract negotiation or on an agreement.</summary>
    public const string VerifiedTrader = "verified-trader";

    /// <summary>
    /// The caller administers its own organisation (claim <see cref="MarketplaceClaims.OrganisationAdmin"/>):
    /// invites people, manages API clients.
    /// </summary>
    public const string OrganisationAdmin = "organisation-admin";
}
