using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

public static class OpenApiExtensions
{
    /// <summary>URL of a module's OpenAPI document; the same in both deployment modes.</summary>
    public static string DocumentPath(string module) => $"/openapi/{module}.json";

    /// <summary>
    /// One OpenAPI document per module, holding only the endpoints whose group name is the module's
    /// (see <see cref="ModuleApi"/>), so the gateway's Swagger UI can list each module separately.
    /// </summary>
    public static IServiceCollection AddModuleOpenApi(this IServiceCollection services, string module) =>
        services.AddOpenApi(module, o =>
        {
            o.ShouldInclude = d => d.GroupName == module;
            o.AddDocumentTransformer(AddSignIn);
        });

    /// <summary>
    /// Declares both ways to get a token (OAuth 2.0): an organisation's API client (client credentials)
    /// and a person (authorization code + PKCE), so the Swagger UI's "Authorize" button signs in either
    /// way and sends the token with every try-out.
    /// </summary>
    private static Task AddSignIn(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        const string scheme = "oauth2";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "An organisation's API client (client credentials), or a person (authorization code + PKCE, client id marketplace-web).",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri("/connect/token", UriKind.Relative), Scopes = new Dictionary<string, string>() },
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    RefreshUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string>
                    {
                        ["openid"] = "Your identity (an identity token)",
                        ["profile"] = "Your name",
                        ["offline_access"] = "A refresh token",
                    },
                },
            },
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] }];
        return Task.CompletedTask;
    }

    public static IEndpointRouteBuilder MapOpenApiDocuments(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}
