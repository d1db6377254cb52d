using Marketplace.Identity.Domain;
using Marketplace.Identity.Infrastructure;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Apis;

/// <summary>
/// <c>POST /connect/token</c>. OpenIddict has already checked the request (client secret, or code and
/// PKCE verifier, or refresh token) when this runs; it decides whether the holder may still have a
/// token and says who they act for.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", Exchange).AllowAnonymous().ExcludeFromDescription().WithMetadata(new RequestTimeoutAttribute(IdentityModule.ModuleName));
        return app;
    }

    public static async Task<IResult> Exchange(HttpContext http, ApiClientIssuer clients, IdentityDb db, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request is missing.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = await clients.FindActiveAsync(request.ClientId!, ct);
            var organisation = client is null ? null : await db.Organisations.FindAsync([client.OrganisationId], ct);
            return organisation is null || organisation.IsBarred
                ? Refuse(Errors.InvalidClient, "The client or its organisation may not sign in.")
                : SignIn(TokenPrincipal.ForClient(client!, organisation));
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The principal stored in the code or refresh token; only its subject and scopes are reused.
            var stored = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var person = Guid.TryParse(stored?.GetClaim(Claims.Subject), out var personId) ? await db.People.FindAsync([personId], ct) : null;
            var organisation = person is null ? null : await db.Organisations.FindAsync([person.OrganisationId], ct);
            return person is null || person.DisabledAt is not null || organisation is null || organisation.IsBarred
                ? Refuse(Errors.InvalidGrant, "The person may no longer sign in.")
                : SignIn(TokenPrincipal.ForPerson(person, organisation, stored!.GetScopes()));
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    public static IResult SignIn(System.Security.Claims.ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    public static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
