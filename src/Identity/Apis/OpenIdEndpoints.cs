using Marketplace.BuildingBlocks.Security;
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
/// The OpenID Connect endpoints that need the marketplace's own code: <c>/connect/userinfo</c> (the claims of the
/// person or client the access token names) and <c>/connect/endsession</c> (sign-out that returns to a registered
/// URI). Revocation (RFC 7009) and introspection (RFC 7662) are answered by OpenIddict itself.
/// </summary>
public static class OpenIdEndpoints
{
    public const string UserInfoPath = "/connect/userinfo";
    public const string EndSessionPath = "/connect/endsession";

    /// <remarks>The handlers take a cancellation token so they bind as route handlers, whose result is written.</remarks>
    public static IEndpointRouteBuilder MapOpenIdEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods(UserInfoPath, [HttpMethods.Get, HttpMethods.Post], UserInfo).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods(EndSessionPath, [HttpMethods.Get, HttpMethods.Post], EndSession).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>OpenIddict has validated the access token; its claims answer, e-mail only with the email scope.</summary>
    private static async Task<IResult> UserInfo(HttpContext http, CancellationToken ct)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (principal is null)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object?>
        {
            [Claims.Subject] = principal.GetClaim(Claims.Subject),
            [Claims.Name] = principal.GetClaim(Claims.Name),
            [MarketplaceClaims.OrganisationId] = principal.GetClaim(MarketplaceClaims.OrganisationId),
            [MarketplaceClaims.OrganisationVerified] = principal.GetClaim(MarketplaceClaims.OrganisationVerified),
            [Claims.Role] = principal.GetClaims(Claims.Role),
        };
        if (principal.HasScope(Scopes.Email) && principal.GetClaim(Claims.Email) is { } email)
        {
            claims[Claims.Email] = email;
        }

        return Results.Ok(claims);
    }

    /// <summary>Ends the sign-in session; OpenIddict sends the browser to the client's registered post-logout URI.</summary>
    private static async Task<IResult> EndSession(HttpContext http, CancellationToken ct)
    {
        await http.SignOutAsync(AccountPages.CookieScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
