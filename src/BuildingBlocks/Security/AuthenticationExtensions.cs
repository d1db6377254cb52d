using Marketplace.BuildingBlocks.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;

namespace Marketplace.BuildingBlocks.Security;

public static class AuthenticationExtensions
{
    /// <summary>Target names whose process hosts the token server itself.</summary>
    private static readonly string[] TokenServerTargets = [HostingTarget.All, "identity"];

    /// <summary>
    /// Every process validates access tokens itself: against the token server in the same process, or
    /// against the Identity service's discovery document and JWKS. Authorisation is deny-by-default: an
    /// endpoint without its own policy still needs an authenticated caller.
    /// </summary>
    public static WebApplicationBuilder AddMarketplaceAuthentication(this WebApplicationBuilder builder, HostingTarget target)
    {
        var options = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();
        builder.Services.AddOpenIddict().AddValidation(validation =>
        {
            if (TokenServerTargets.Contains(target.Name))
            {
                validation.UseLocalServer();
            }
            else
            {
                // Tokens name the public address (Marketplace:PublicBaseUrl, or its older name Identity:Issuer); their keys
                // are fetched from Identity's internal address. With neither set, Identity's own address is the issuer.
                var publicAddressSet = builder.Configuration[PublicAddress.ConfigurationKey] is { Length: > 0 } || !string.IsNullOrWhiteSpace(options.Issuer);
                validation.SetIssuer(publicAddressSet ? PublicAddress.From(builder.Configuration).BaseUrl.ToString() : options.Authority);
                var authority = new Uri(options.Authority.TrimEnd('/') + "/");
                validation.Configure(o => o.ConfigurationEndpoint = new Uri(authority, ".well-known/openid-configuration"));
                // The discovery document names the key set under the public address, which a service inside a cluster or a
                // container network may not reach (a public http://localhost:8080 is the service itself there): the
                // keys come from Identity's internal address too, at the same path.
                validation.AddEventHandler<OpenIddictValidationEvents.HandleConfigurationResponseContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        if (context.Configuration.JsonWebKeySetUri is { } keys && context.Options.Issuer is { } issuer && issuer.IsBaseOf(keys))
                        {
                            context.Configuration.JsonWebKeySetUri = new Uri(authority, issuer.MakeRelativeUri(keys));
                        }

                        return default;
                    })
                    .SetOrder(OpenIddictValidationHandlers.Discovery.ExtractJsonWebKeySetEndpoint.Descriptor.Order + 500)
                    .SetType(OpenIddictValidationHandlerType.Custom));
                validation.UseSystemNetHttp();
            }

            validation.AddAudiences(MarketplaceClaims.Audience);
            // Tokens travel in the Authorization header only. Reading a form body to look for one would
            // also consume it before the gateway forwards the request.
            validation.UseAspNetCore()
                .DisableAccessTokenExtractionFromBodyForm()
                .DisableAccessTokenExtractionFromQueryString();
        });

        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        var verified = new VerifiedOrganisationRequirement();
        builder.Services.AddSingleton<IAuthorizationHandler>(verified);
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ExplainedForbiddance>();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(MarketplacePolicies.Provider, p => p.RequireRole(MarketplaceRoles.Provider))
            .AddPolicy(MarketplacePolicies.Buyer, p => p.RequireRole(MarketplaceRoles.Buyer))
            .AddPolicy(MarketplacePolicies.Admin, p => p.RequireRole(MarketplaceRoles.Admin))
            .AddPolicy(MarketplacePolicies.VerifiedProvider, p => p.RequireRole(MarketplaceRoles.Provider).AddRequirements(verified))
            .AddPolicy(MarketplacePolicies.VerifiedBuyer, p => p.RequireRole(MarketplaceRoles.Buyer).AddRequirements(verified))
            .AddPolicy(MarketplacePolicies.VerifiedTrader, p => p.RequireRole(MarketplaceRoles.Buyer, MarketplaceRoles.Provider).AddRequirements(verified))
            .AddPolicy(MarketplacePolicies.OrganisationAdmin, p => p.RequireClaim(MarketplaceClaims.OrganisationAdmin, "true"));
        return builder;
    }
}
