using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Security;
using Marketplace.Web.Api;
using Marketplace.Web.Components;
using Marketplace.Web.Components.Parts;
using Marketplace.Web.Session;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Web;

/// <summary>
/// The console for people — providers, buyers, platform administrators — in Korean and English, at <c>/</c>.
/// Blazor pages rendered on the server (static rendering with enhanced navigation and forms). It signs people
/// in through Identity as an OpenID Connect client (code + PKCE, tokens kept on the server) and calls only
/// the public REST API, through the gateway, with the signed-in person's access token. It owns no data.
/// </summary>
public sealed class WebModule : MarketplaceModule
{
    public const string ModuleName = "web";

    public override string Name => ModuleName;

    public override void AddServices(WebApplicationBuilder builder)
    {
        var options = WebOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        // A build (dotnet run, the tests) serves the Blazor script and the style sheet from where the build left them,
        // as listed in the runtime manifest beside the binary; a published app has them in wwwroot and no manifest.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents();
        builder.Services.AddLocalization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient<MarketplaceApi>(http =>
        {
            http.BaseAddress = options.ApiBaseUrl;
            http.Timeout = options.ApiTimeout;
        });
        builder.Services.AddSingleton<Labels>();
        builder.AddMarketplaceDataProtection();
        ConsoleSession.Add(builder, options);
    }

    public override void UseEdgeMiddleware(WebApplication app) => ConsoleCulture.Use(app);

    public override void MapEndpoints(WebApplication app)
    {
        // The Blazor script and the style sheet, as the build or publish listed them (none in a test host without the manifest).
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json");
        if (File.Exists(manifest))
        {
            app.MapStaticAssets(manifest).AllowAnonymous();
        }

        app.UseAntiforgery();
        ConsoleCulture.Map(app);
        ConsoleSession.Map(app);
        app.MapRazorComponents<App>().RequireAuthorization(ConsoleSession.SignedIn);
    }
}
