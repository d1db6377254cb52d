using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

public static class ModuleApi
{
    /// <summary>A route group under <c>/api/{module}</c> whose endpoints land in the module's OpenAPI document.</summary>
    public static RouteGroupBuilder MapModuleGroup(this IEndpointRouteBuilder app, string module, string path, string tag) =>
        app.MapGroup($"/api/{module}{path}")
            .WithGroupName(module)
            .WithTags(tag)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
}
