using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Marketplace.BuildingBlocks.Security;

/// <summary>
/// A 403 says why when the caller can do something about it (get the organisation verified); other refusals
/// keep the framework's answer, which the status-code pages turn into a plain problem document.
/// </summary>
public sealed class ExplainedForbiddance(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        // Only the verification failed (the caller has the right role): say so.
        if (result.Forbidden && result.AuthorizationFailure is { FailedRequirements: var failed } && failed.Any()
            && failed.All(r => r is VerifiedOrganisationRequirement))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Organisation not verified", Detail = VerifiedOrganisationRequirement.Explanation },
            });
            return;
        }

        await _default.HandleAsync(next, context, policy, result);
    }
}
