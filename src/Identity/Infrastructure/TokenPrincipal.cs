using System.Security.Claims;
using Marketplace.BuildingBlocks.Security;
using Marketplace.Identity.Domain;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Infrastructure;

/// <summary>
/// What a token says about its holder, built afresh from the database at every issue (a refresh
/// included), so a verification, a new role or a disabled account shows in the next token.
/// </summary>
public static class TokenPrincipal
{
    public static ClaimsPrincipal ForClient(ApiClient client, Organisation organisation)
    {
        var principal = Build(organisation, client.ClientId, organisation.NameEn ?? organisation.NameKo ?? client.ClientId, client.IsOrganisationAdmin, email: null, scopes: []);
        if (client.Connector is { } connector)
        {
            // Contracts' DSP endpoints learn the connector from its token: its participant id, and where it may be called back.
            var identity = (ClaimsIdentity)principal.Identity!;
            identity.SetClaim(MarketplaceClaims.DspParticipant, connector.ParticipantId).SetClaims(MarketplaceClaims.DspCallback, [.. connector.CallbackAddresses]);
            identity.SetDestinations(_ => [Destinations.AccessToken]);
        }

        return principal;
    }

    public static ClaimsPrincipal ForPerson(Person person, Organisation organisation, IEnumerable<string> scopes) =>
        Build(organisation, person.Id.ToString(), person.DisplayName, person.IsOrganisationAdmin, person.Email, scopes);

    private static ClaimsPrincipal Build(
        Organisation organisation, string subject, string name, bool organisationAdmin, string? email, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(Claims.Name, name)
            .SetClaim(Claims.Email, email)
            .SetClaim(MarketplaceClaims.OrganisationId, organisation.Id.ToString())
            .SetClaim(MarketplaceClaims.OrganisationVerified, organisation.Status == OrganisationStatus.Verified ? "true" : "false")
            .SetClaim(MarketplaceClaims.Sme, organisation.IsSme ? "true" : "false")
            .SetClaim(MarketplaceClaims.OrganisationAdmin, organisationAdmin ? "true" : "false")
            .SetClaims(Claims.Role, [.. organisation.Roles()]);

        var principal = new ClaimsPrincipal(identity);
        principal.SetResources(MarketplaceClaims.Audience);
        principal.SetScopes(scopes);
        // Everything goes into the access token; an identity token (scope openid) also names the person.
        var openId = principal.HasScope(Scopes.OpenId);
        identity.SetDestinations(claim => openId && claim.Type is Claims.Name or Claims.Email or MarketplaceClaims.OrganisationId
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return principal;
    }
}
