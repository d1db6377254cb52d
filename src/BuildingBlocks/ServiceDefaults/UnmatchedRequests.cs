using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>
/// Answers requests that match no endpoint before authorisation, which would otherwise apply its deny-by-default
/// fallback to them: a mistyped path is 404 and a wrong method 405 with <c>Allow</c> for every caller, signed in
/// or not (a 401 would send a client looking for a token it does not need).
/// </summary>
public static class UnmatchedRequests
{
    public static IApplicationBuilder UseUnmatchedRequestAnswers(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        switch (context.GetEndpoint())
        {
            case null:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            case RouteEndpoint:
                await next(context);
                return;
            // Routing's own rejection endpoints (405 with Allow, 415) need no caller.
            case { RequestDelegate: { } reject }:
                await reject(context);
                return;
            default:
                await next(context);
                return;
        }
    });
}
