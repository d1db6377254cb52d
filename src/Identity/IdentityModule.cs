using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Marketplace.Identity.Apis;
using Marketplace.Identity.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity;

/// <summary>Organisations, their people and API clients, and the OAuth 2.0 / OpenID Connect server (OpenIddict).</summary>
public sealed class IdentityModule : DataModule<IdentityDb>
{
    public const string ModuleName = "identity";

    public override string Name => ModuleName;

    protected override ApiDocument Document => new(
        "Marketplace Identity",
        "Organisations (registration, verification, suspension), their people and API clients. Tokens come from the OpenID Connect server at /connect/*.",
        new Dictionary<string, string>
        {
            ["Organisations"] = "Register an organisation, verify or reject it (administrators), and manage its people, invitations and API clients (organisation administrators).",
        });

    protected override void AddModuleServices(WebApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();
        var dataFolder = builder.Configuration.GetMarketplaceOptions().DataFolder;
        var tokenServer = builder.Configuration.GetSection(TokenServerOptions.Section).Get<TokenServerOptions>() ?? new TokenServerOptions();
        builder.Services.Configure<TokenServerOptions>(builder.Configuration.GetSection(TokenServerOptions.Section));
        builder.Services.AddSingleton<TokenEndpointLimits>();
        builder.Services.AddHostedService<TokenPruning>();
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token");
                server.SetAuthorizationEndpointUris("connect/authorize");
                server.SetUserInfoEndpointUris("connect/userinfo");
                server.SetEndSessionEndpointUris("connect/endsession");
                server.SetRevocationEndpointUris("connect/revoke");
                server.SetIntrospectionEndpointUris("connect/introspect");
                server.AllowClientCredentialsFlow();
                // People: authorization code with PKCE (required for every client), and rolling refresh tokens.
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                // No identity token without a person: an API client asking for scope openid gets an access token only.
                server.AddEventHandler<OpenIddictServerEvents.ProcessSignInContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        if (context.Request?.IsClientCredentialsGrantType() == true)
                        {
                            context.GenerateIdentityToken = false;
                            context.IncludeIdentityToken = false;
                        }

                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.EvaluateGeneratedTokens.Descriptor.Order + 1));
                // S256 only: "plain" sends the verifier itself through the browser.
                server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.AllowRefreshTokenFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.OfflineAccess);
                // What discovery advertises is what tokens and userinfo carry.
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.Role, MarketplaceClaims.OrganisationId,
                    MarketplaceClaims.OrganisationVerified, MarketplaceClaims.Sme, MarketplaceClaims.OrganisationAdmin);
                // Short-lived: a revoked client, a disabled person or a suspended organisation keeps a token at most this long.
                server.SetAccessTokenLifetime(tokenServer.AccessTokenLifetime);
                // One issuer whatever address or Host header a client used: a token from 127.0.0.1 is valid at localhost.
                server.SetIssuer(PublicAddress.From(builder.Configuration).BaseUrl);

                TokenKeys.Add(server, builder.Configuration, dataFolder);
                // Access tokens are signed JWTs that every service (and a provider's system) verifies with the JWKS.
                server.DisableAccessTokenEncryption();
                // TLS ends in front of the marketplace (or the process is on loopback), so plain HTTP reaches it.
                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableErrorPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        // The sign-in session of the account pages. Its cookie is read only by /connect/authorize.
        builder.Services.AddAuthentication().AddCookie(AccountPages.CookieScheme, cookie =>
        {
            cookie.LoginPath = AccountPages.LoginPath;
            cookie.Cookie.Name = "marketplace.account";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        builder.Services.AddAntiforgery(a => a.Cookie.Name = "marketplace.antiforgery");
        // Cookies and anti-forgery tokens survive a restart; replicas of Identity share the key folder.
        builder.AddMarketplaceDataProtection();

        builder.Services.AddScoped<ApiClientIssuer>();
        builder.Services.AddScoped<PersonAccounts>();
        builder.Services.AddHostedService<IdentitySeeder>();
    }

    /// <summary>
    /// The token server and the account pages read forms before any endpoint runs: check them first. They
    /// build absolute URLs (discovery, sign-in redirects) from the request: make it the public address, so a
    /// client's <c>Host</c> header never reaches them.
    /// </summary>
    public override void UsePublicMiddleware(WebApplication app)
    {
        // Only Identity's own forms: in all-in-one mode the console's pages post forms in the same process, and a dataset's
        // description is several lines (the console sends it on as JSON, whose rules allow line breaks in text).
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/connect") || context.Request.Path.StartsWithSegments("/account"),
            identityForms => identityForms.UseFormInputRules());
        TokenEndpointLimits.Use(app);
        var address = app.Services.GetRequiredService<PublicAddress>().BaseUrl;
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/.well-known") || path.StartsWithSegments("/connect") || path.StartsWithSegments("/account"))
            {
                context.Request.Scheme = address.Scheme;
                context.Request.Host = HostString.FromUriComponent(address);
            }

            return next(context);
        });
    }

    public override void MapEndpoints(WebApplication app)
    {
        app.MapTokenEndpoint();
        app.MapAuthorizeEndpoint();
        app.MapOpenIdEndpoints();
        app.MapAccountPages();
        app.MapOrganisationsApi();
    }
}
