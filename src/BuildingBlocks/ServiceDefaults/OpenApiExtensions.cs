using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

public static class OpenApiExtensions
{
    /// <summary>URL of a module's OpenAPI document; the same in both deployment modes.</summary>
    public static string DocumentPath(string module) => $"/openapi/{module}.json";

    /// <summary>
    /// One OpenAPI document per module, holding only the endpoints whose group name is the module's
    /// (see <see cref="ModuleApi"/>), so the gateway's Swagger UI can list each module separately.
    /// </summary>
    public static IServiceCollection AddModuleOpenApi(this IServiceCollection services, string module, ApiDocument about) =>
        services.AddOpenApi(module, o =>
        {
            o.ShouldInclude = d => d.GroupName == module;
            o.AddDocumentTransformer((document, _, _) => Describe(document, about));
            o.AddDocumentTransformer(AddSignIn);
            o.AddOperationTransformer(DescribeAccessAndErrors);
            o.AddSchemaTransformer(KeepStringsStrings);
        });

    /// <summary>
    /// Text goes through <see cref="JsonInputRules"/>' converter, which hides its type from the schema generator (it
    /// would write <c>{}</c>, "anything", and lists without items): it is a string, nullable where the member is declared nullable.
    /// </summary>
    private static Task KeepStringsStrings(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
        {
            schema.Type = context.JsonPropertyInfo is { IsGetNullable: true } ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }
        else if (context.JsonTypeInfo.ElementType == typeof(string) && schema.Items is null)
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Title, purpose and tag descriptions from the module; the server as the request reached it, without the
    /// trailing slash that would double every path's. No licence: the API is a service of the marketplace operator,
    /// used under its terms of service, not a published work (redocly.yaml says so where it switches the rule off).
    /// </summary>
    private static Task Describe(OpenApiDocument document, ApiDocument about)
    {
        document.Info.Title = about.Title;
        document.Info.Description = about.Description;
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Tags = about.Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }).ToHashSet();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Declares both ways to get a token (OAuth 2.0): an organisation's API client (client credentials)
    /// and a person (authorization code + PKCE), so the Swagger UI's "Authorize" button signs in either
    /// way and sends the token with every try-out.
    /// </summary>
    private static Task AddSignIn(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SignInScheme] = new OpenApiSecurityScheme
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
        return Task.CompletedTask;
    }

    /// <summary>
    /// What each operation truly asks and answers: a token only where the endpoint is not anonymous (with the
    /// 401 and 403 it then answers), 429 everywhere (the edge's limits), and every error as problem+json.
    /// </summary>
    private static Task DescribeAccessAndErrors(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            // Explicitly none (an empty requirement): anonymous callers are welcome, a token changes what they see.
            operation.Security = [new OpenApiSecurityRequirement()];
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SignInScheme, context.Document)] = [] }];
            operation.Responses.TryAdd("401", Problem("No valid access token was sent."));
            operation.Responses.TryAdd("403", Problem("The token's role or organisation may not do this (or the organisation is not verified, or barred)."));
        }

        operation.Responses.TryAdd("429", Problem("Too many requests: wait the seconds Retry-After names."));
        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')))
        {
            if (response is OpenApiResponse { Content: null or { Count: 0 } } bare)
            {
                bare.Content = ProblemContent();
            }
        }

        return Task.CompletedTask;
    }

    private const string SignInScheme = "oauth2";

    private static OpenApiResponse Problem(string description) => new() { Description = description, Content = ProblemContent() };

    private static Dictionary<string, OpenApiMediaType> ProblemContent() => new()
    {
        ["application/problem+json"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "RFC 9457 problem details; errors (400, 422, 409) names members as JSON paths.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["errors"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                },
            },
        },
    };

    public static IEndpointRouteBuilder MapOpenApiDocuments(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}
