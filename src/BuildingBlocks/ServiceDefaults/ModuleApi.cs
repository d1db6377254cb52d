using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

public static class ModuleApi
{
    /// <summary>
    /// A route group under <c>/api/{module}</c> whose endpoints land in the module's OpenAPI document and
    /// carry the module's request timeout policy (named after the module; the gateway defines it and
    /// applies it where it runs in the same process).
    /// </summary>
    public static RouteGroupBuilder MapModuleGroup(this IEndpointRouteBuilder app, string module, string path, string tag) =>
        app.MapGroup($"/api/{module}{path}")
            .WithGroupName(module)
            .WithTags(tag)
            .WithMetadata(new RequestTimeoutAttribute(module))
            .ProducesProblem(StatusCodes.Status500InternalServerError);
}
