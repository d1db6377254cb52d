using System.Security.Claims;
using Marketplace.BuildingBlocks.Security;
using Marketplace.Identity.Domain;
using Marketplace.Identity.Infrastructure;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Apis;

/// <summary>
/// <c>POST /connect/token</c>. OpenIddict has already authenticated the client (id and secret) when
/// this runs; it adds who the client acts for: its organisation, that organisation's roles and status.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", Exchange).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> Exchange(HttpContext http, ApiClientIssuer clients, IdentityDb db, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request is missing.");
        var client = request.IsClientCredentialsGrantType() ? await clients.FindActiveAsync(request.ClientId!, ct) : null;
        var organisation = client is null ? null : await db.Organisations.FindAsync([client.OrganisationId], ct);
        if (organisation is null || organisation.Status == OrganisationStatus.Rejected)
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidClient,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The client or its organisation may not sign in.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client!.ClientId)
            .SetClaim(Claims.Name, organisation.NameEn ?? organisation.NameKo)
            .SetClaim(MarketplaceClaims.OrganisationId, organisation.Id.ToString())
            .SetClaim(MarketplaceClaims.OrganisationVerified, organisation.Status == OrganisationStatus.Verified ? "true" : "false")
            .SetClaim(MarketplaceClaims.Sme, organisation.IsSme ? "true" : "false")
            .SetClaims(Claims.Role, [.. organisation.Roles()]);
        identity.SetDestinations(_ => [Destinations.AccessToken]);

        var principal = new ClaimsPrincipal(identity);
        principal.SetResources(MarketplaceClaims.Audience);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
