using System.Security.Claims;
using System.Text.Json;
using Marketplace.Web.Api;

namespace Marketplace.Web.Components.Parts;

/// <summary>Which side of a negotiation or agreement the signed-in person's organisation is on.</summary>
public static class Parties
{
    public const string Provider = "provider";
    public const string Buyer = "buyer";

    public static string? OrganisationOf(ClaimsPrincipal user) => user.FindFirst("org_id")?.Value;

    /// <summary><c>provider</c>, <c>buyer</c>, or null for a reader who is neither (an administrator).</summary>
    public static string? SideOf(ClaimsPrincipal user, JsonElement deal) =>
        OrganisationOf(user) is not { } organisation ? null
        : string.Equals(deal.Str("providerOrganisationId"), organisation, StringComparison.OrdinalIgnoreCase) ? Provider
        : string.Equals(deal.Str("buyerOrganisationId"), organisation, StringComparison.OrdinalIgnoreCase) ? Buyer
        : null;

    public static string Name(JsonElement party) => Display.Pick(party.Str("nameKo"), party.Str("nameEn")) is { Length: > 0 } name ? name : party.Str("id") ?? "";
}
