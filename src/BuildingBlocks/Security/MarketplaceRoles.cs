namespace Marketplace.BuildingBlocks.Security;

/// <summary>Roles carried in access tokens (claim <c>role</c>). Endpoints name policies (<see cref="MarketplacePolicies"/>), not roles.</summary>
public static class MarketplaceRoles
{
    public const string Provider = "provider";
    public const string Buyer = "buyer";
    public const string Admin = "admin";
}
