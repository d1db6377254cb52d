using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

public static class ModuleApi
{
    /// <summary>
    /// A route group under <c>/api/{module}</c> whose endpoints land in the module's OpenAPI document and
    /// carry the module's request timeout policy (named after the module; the gateway defines it and
    /// applies it where it runs in the same process). An endpoint whose path names a resource
    /// (<c>/{id}</c>) documents 404: handlers throw <see cref="Errors.NotFoundException"/> for a resource that
    /// is missing or not the caller's to see, and the problem names it.
    /// </summary>
    public static RouteGroupBuilder MapModuleGroup(this IEndpointRouteBuilder app, string module, string path, string tag)
    {
        var group = app.MapGroup($"/api/{module}{path}")
            .WithGroupName(module)
            .WithTags(tag)
            .WithMetadata(new RequestTimeoutAttribute(module))
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 }
                && !endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == StatusCodes.Status404NotFound))
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), ["application/problem+json"]));
            }
        });
        return group;
    }
}
