namespace Marketplace.BuildingBlocks.Security;

/// <summary>Roles carried in access tokens; policies of the same names require them.</summary>
public static class MarketplaceRoles
{
    public const string Provider = "provider";
    public const string Buyer = "buyer";
    public const string Admin = "admin";
}
