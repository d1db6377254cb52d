using Marketplace.Identity.Infrastructure;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity.Apis;

/// <summary>
/// <c>GET|POST /connect/authorize</c> (authorization code with PKCE). OpenIddict has checked the client,
/// redirect URI and code challenge; this sends a person without a session to the sign-in page and issues
/// the code for one with a session. The marketplace's own applications need no consent screen.
/// </summary>
public static class AuthorizeEndpoint
{
    public static IEndpointRouteBuilder MapAuthorizeEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize).AllowAnonymous().ExcludeFromDescription()
            .WithMetadata(new RequestTimeoutAttribute(IdentityModule.ModuleName));
        return app;
    }

    private static async Task<IResult> Authorize(HttpContext http, IdentityDb db, CancellationToken ct)
    {
        // An error OpenIddict cannot send back to the client (no valid redirect URI): a problem document, not text.
        if (http.GetOpenIddictServerResponse() is { Error: { } error } refusal)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid authorization request",
                detail: refusal.ErrorDescription, extensions: new Dictionary<string, object?> { ["error"] = error });
        }

        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict request is missing.");
        var session = await http.AuthenticateAsync(AccountPages.CookieScheme);
        var person = session.Succeeded && Guid.TryParse(session.Principal.GetClaim(Claims.Subject), out var personId)
            ? await db.People.FindAsync([personId], ct)
            : null;
        var organisation = person is null ? null : await db.Organisations.FindAsync([person.OrganisationId], ct);
        var mayUseSession = person is { DisabledAt: null } && organisation is not null && !organisation.IsBarred;

        if (!mayUseSession || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TokenEndpoint.Refuse(Errors.LoginRequired, "The person is not signed in.");
            }

            // Back here after signing in, with the same parameters (minus prompt=login, or it would loop).
            var parameters = (http.Request.HasFormContentType ? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)http.Request.Form : http.Request.Query)
                .Where(p => p.Key != Parameters.Prompt);
            await http.SignOutAsync(AccountPages.CookieScheme);
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters) },
                [AccountPages.CookieScheme]);
        }

        return TokenEndpoint.SignIn(TokenPrincipal.ForPerson(person!, organisation!, request.GetScopes()));
    }
}
