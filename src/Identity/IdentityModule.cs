using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Security;
using Marketplace.Identity.Apis;
using Marketplace.Identity.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Marketplace.Identity;

/// <summary>Organisations, their people and API clients, and the OAuth 2.0 / OpenID Connect server (OpenIddict).</summary>
public sealed class IdentityModule : DataModule<IdentityDb>
{
    public const string ModuleName = "identity";

    public override string Name => ModuleName;

    protected override void AddModuleServices(WebApplicationBuilder builder)
    {
        var identity = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();
        var dataFolder = builder.Configuration.GetMarketplaceOptions().DataFolder;
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token");
                server.SetAuthorizationEndpointUris("connect/authorize");
                server.AllowClientCredentialsFlow();
                // People: authorization code with PKCE (required for every client), and rolling refresh tokens.
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AllowRefreshTokenFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, Scopes.OfflineAccess);
                if (!string.IsNullOrWhiteSpace(identity.Issuer))
                {
                    server.SetIssuer(new Uri(identity.Issuer));
                }

                TokenKeys.Add(server, builder.Configuration, dataFolder);
                // Access tokens are signed JWTs that every service (and a provider's system) verifies with the JWKS.
                server.DisableAccessTokenEncryption();
                // TLS ends in front of the marketplace (or the process is on loopback), so plain HTTP reaches it.
                server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
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
        // Cookies and anti-forgery tokens are protected with keys kept beside the token keys, so sessions
        // survive a restart. Replicas of Identity on several machines need this folder shared.
        builder.Services.AddDataProtection()
            .SetApplicationName("marketplace-identity")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(dataFolder), "keys", "data-protection")));

        builder.Services.AddScoped<ApiClientIssuer>();
        builder.Services.AddScoped<PersonAccounts>();
        builder.Services.AddHostedService<IdentitySeeder>();
    }

    public override void MapEndpoints(WebApplication app)
    {
        app.MapTokenEndpoint();
        app.MapAuthorizeEndpoint();
        app.MapAccountPages();
        app.MapOrganisationsApi();
    }
}
