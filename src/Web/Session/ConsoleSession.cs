using System.Globalization;
using System.Security.Claims;
using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Persistence;
using Marketplace.BuildingBlocks.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Marketplace.Web.Session;

/// <summary>
/// A person's session in the console: a cookie that holds only a key, the tokens Identity issued kept on the
/// server (<see cref="DistributedTicketStore"/>), refreshed shortly before the access token expires. Who the
/// person is and what their organisation may do is read from the access token itself, so a verification or a
/// new role shows after the next refresh. APIs never accept this cookie; the console sends the access token.
/// </summary>
public static class ConsoleSession
{
    public const string CookieScheme = "marketplace.console";
    public const string OidcScheme = "marketplace.console.oidc";

    /// <summary>The policy every console page carries; public pages opt out with [AllowAnonymous].</summary>
    public const string SignedIn = "console.signed-in";

    /// <summary>Pages for an organisation's administrators (people and API clients).</summary>
    public const string OrganisationAdmin = "console.organisation-admin";

    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";
    public const string ForbiddenPath = "/forbidden";

    private static readonly string[] Scopes = ["openid", "profile", "email", "offline_access"];

    /// <summary>Refresh this long before the access token expires, so no page renders with a token about to lapse.</summary>
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(2);

    public static void Add(WebApplicationBuilder builder, WebOptions options)
    {
        if (options.SessionStore == SessionStore.Postgres)
        {
            var postgres = PersistenceExtensions.PostgresConnectionString(builder.Configuration, builder.Configuration.GetMarketplaceOptions(), "web");
            builder.Services.AddSingleton(sp => new PostgresSessionCache(postgres, sp.GetRequiredService<TimeProvider>()));
            builder.Services.AddSingleton<IDistributedCache>(sp => sp.GetRequiredService<PostgresSessionCache>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresSessionCache>());
        }
        else
        {
            builder.Services.AddDistributedMemoryCache();
        }

        builder.Services.AddSingleton<DistributedTicketStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<DistributedTicketStore>((cookie, store) => cookie.SessionStore = store);
        builder.Services.AddAuthentication()
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "marketplace.console";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.LoginPath = SignInPath;
                cookie.AccessDeniedPath = ForbiddenPath;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = RefreshIfDueAsync;
            })
            .AddOpenIdConnect(OidcScheme, oidc =>
            {
                oidc.Authority = options.Authority.ToString();
                // TLS ends in front of the marketplace, or it runs on loopback (as the token server allows).
                oidc.RequireHttpsMetadata = false;
                oidc.ClientId = IdentityOptions.WebClientId;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.SignInScheme = CookieScheme;
                oidc.CallbackPath = IdentityOptions.ConsoleSignedInPath;
                oidc.SignedOutCallbackPath = IdentityOptions.ConsoleSignedOutPath;
                oidc.SignedOutRedirectUri = "/";
                oidc.MapInboundClaims = false;
                oidc.Scope.Clear();
                foreach (var scope in Scopes)
                {
                    oidc.Scope.Add(scope);
                }

                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = "role";
                // Identity sends people back to the public address (the gateway in microservices mode), never to one
                // taken from a request's Host header.
                oidc.Events.OnRedirectToIdentityProvider = context =>
                {
                    context.ProtocolMessage.RedirectUri = options.PublicRoot + IdentityOptions.ConsoleSignedInPath;
                    return Task.CompletedTask;
                };
                oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    context.ProtocolMessage.PostLogoutRedirectUri = options.PublicRoot + IdentityOptions.ConsoleSignedOutPath;
                    return Task.CompletedTask;
                };
                oidc.Events.OnTokenValidated = context =>
                {
                    if (context.TokenEndpointResponse?.AccessToken is { } accessToken)
                    {
                        context.Principal = PrincipalOf(accessToken);
                    }

                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser())
            .AddPolicy(OrganisationAdmin, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireClaim(MarketplaceClaims.OrganisationAdmin, "true"));
    }

    public static void Map(WebApplication app)
    {
        var session = app.MapGroup("").AllowAnonymous().ExcludeFromDescription();
        session.MapGet(SignInPath, (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrRoot(returnUrl) }, [OidcScheme]));
        // Signed in with the console's cookie, so the anti-forgery token (bound to the person) is checked against them.
        app.MapPost(SignOutPath, async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Redirect("/");
            }

            // Ends Identity's session too (end-session endpoint), then returns to the catalog.
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieScheme, OidcScheme]);
        }).RequireAuthorization(SignedIn).DisableAntiforgery().ExcludeFromDescription();
    }

    /// <summary>The person as the access token describes them (roles, organisation, verification).</summary>
    public static ClaimsPrincipal PrincipalOf(string accessToken)
    {
        var token = new JsonWebToken(accessToken);
        var identity = new ClaimsIdentity(token.Claims.Where(c => c.Type is not ("aud" or "iss" or "exp" or "iat" or "nbf" or "jti" or "oi_prst" or "oi_au_id" or "client_id" or "oi_tkn_id" or "scope")),
            CookieScheme, "name", "role");
        return new ClaimsPrincipal(identity);
    }

    private static async Task RefreshIfDueAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        if (expiresAt is null || !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry)
            || expiry - DateTimeOffset.UtcNow > RefreshMargin)
        {
            return;
        }

        var http = context.HttpContext;
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleSession));
        var refreshed = refreshToken is null ? null : await TokenRefresh.RunAsync(http, refreshToken);
        if (refreshed is null)
        {
            logger.LogInformation("The console session of {Subject} ended: its token could not be refreshed", context.Principal?.FindFirstValue("sub"));
            context.RejectPrincipal();
            await http.SignOutAsync(CookieScheme);
            return;
        }

        context.Properties.UpdateTokenValue("access_token", refreshed.AccessToken);
        if (refreshed.RefreshToken is { } next)
        {
            context.Properties.UpdateTokenValue("refresh_token", next);
        }

        context.Properties.UpdateTokenValue("expires_at", refreshed.ExpiresAt.ToString("o", CultureInfo.InvariantCulture));
        context.ReplacePrincipal(PrincipalOf(refreshed.AccessToken));
        context.ShouldRenew = true;
    }
}
