using Microsoft.AspNetCore.Authorization;

namespace Marketplace.BuildingBlocks.Security;

/// <summary>
/// The caller's organisation has been verified by an administrator (claim <see cref="MarketplaceClaims.OrganisationVerified"/>).
/// Unverified organisations browse and ask for quotes; they do not publish, negotiate or receive grants.
/// </summary>
public sealed class VerifiedOrganisationRequirement : AuthorizationHandler<VerifiedOrganisationRequirement>, IAuthorizationRequirement
{
    public const string Explanation =
        "Your organisation has not been verified by a platform administrator yet. Until then it may browse the catalog and ask for quotes, but not publish datasets, negotiate contracts or receive access grants.";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, VerifiedOrganisationRequirement requirement)
    {
        if (context.User.IsOrganisationVerified())
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
