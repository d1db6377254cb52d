using Microsoft.AspNetCore.Builder;
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
        services.AddOpenApi(module, o => o.ShouldInclude = d => d.GroupName == module);

    public static IEndpointRouteBuilder MapOpenApiDocuments(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}
