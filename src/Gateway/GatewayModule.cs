using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Security;
using Marketplace.BuildingBlocks.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway;

/// <summary>
/// The single front door. In all-in-one mode the modules' endpoints are mapped in the same process and
/// the gateway adds the Swagger UI; in microservices mode it also forwards every module path with YARP.
/// </summary>
public sealed class GatewayModule : MarketplaceModule
{
    public const string ModuleName = "gateway";

    public override string Name => ModuleName;

    public override void AddServices(WebApplicationBuilder builder)
    {
        var options = Options(builder.Configuration);
        EdgeLimits.Add(builder, options);
        if (IsProxy(builder.Configuration))
        {
            var (routes, clusters) = ProxyRoutes.Build(options);
            builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
        }
    }

    public override void UseEdgeMiddleware(WebApplication app) => EdgeLimits.UseAfterAuthentication(app);

    public override void UsePublicMiddleware(WebApplication app)
    {
        EdgeLimits.UsePublic(app);
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "swagger";
            ui.DocumentTitle = "Manufacturing Data Marketplace API";
            // "Authorize" offers both: an API client's id and secret, or a person signing in (code + PKCE).
            ui.OAuthClientId(IdentityOptions.WebClientId);
            ui.OAuthUsePkce();
            ui.OAuthScopes("openid", "profile", "offline_access");
            foreach (var module in GatewayOptions.Modules)
            {
                ui.SwaggerEndpoint(OpenApiExtensions.DocumentPath(module), module);
            }
        });
    }

    public override void MapEndpoints(WebApplication app)
    {
        if (!IsProxy(app.Configuration))
        {
            // All-in-one: the console is in this process and serves "/".
            return;
        }

        app.MapReverseProxy();
        if (!ProxyRoutes.ForwardsConsole(Options(app.Configuration)))
        {
            // A gateway for the API alone (no console service configured) greets people with the API's documentation.
            app.MapGet("/", () => TypedResults.Redirect("/swagger")).AllowAnonymous().ExcludeFromDescription();
        }
    }

    private static GatewayOptions Options(IConfiguration configuration) =>
        configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();

    /// <summary>Proxying is needed only when the gateway runs on its own (the other modules are elsewhere).</summary>
    private static bool IsProxy(IConfiguration configuration) =>
        configuration[HostingTarget.ConfigurationKey] == ModuleName;
}
