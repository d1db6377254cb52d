using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Security;
using Marketplace.Identity.Apis;
using Marketplace.Identity.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Identity;

/// <summary>Organisations, their API clients and the OAuth 2.0 token server (OpenIddict).</summary>
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
                server.AllowClientCredentialsFlow();
                if (!string.IsNullOrWhiteSpace(identity.Issuer))
                {
                    server.SetIssuer(new Uri(identity.Issuer));
                }

                TokenKeys.Add(server, builder.Configuration, dataFolder);
                // Access tokens are signed JWTs that every service (and a provider's system) verifies with the JWKS.
                server.DisableAccessTokenEncryption();
                // TLS ends in front of the marketplace (or the process is on loopback), so plain HTTP reaches it.
                server.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        builder.Services.AddScoped<ApiClientIssuer>();
        builder.Services.AddHostedService<IdentitySeeder>();
    }

    public override void MapEndpoints(WebApplication app)
    {
        app.MapTokenEndpoint();
        app.MapOrganisationsApi();
    }
}
