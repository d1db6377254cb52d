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
            o.AddDocumentTransformer(AddClientCredentialsSignIn);
        });

    /// <summary>
    /// Declares the token endpoint (OAuth 2.0 client credentials), so the Swagger UI's "Authorize"
    /// button signs in with an API client's id and secret and sends the token with every try-out.
    /// </summary>
    private static Task AddClientCredentialsSignIn(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        const string scheme = "apiClient";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "An organisation's API client (client credentials).",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri("/connect/token", UriKind.Relative), Scopes = new Dictionary<string, string>() },
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
