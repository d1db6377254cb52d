using System.Security.Claims;

namespace Marketplace.BuildingBlocks.Security;

/// <summary>Claims the token server issues and every module reads; the organisation never comes from a request body.</summary>
public static class MarketplaceClaims
{
    public const string OrganisationId = "org_id";
    public const string OrganisationVerified = "org_verified";
    public const string Sme = "sme";

    /// <summary>"true" for a person or API client that may invite people and manage the organisation's clients.</summary>
    public const string OrganisationAdmin = "org_admin";

    /// <summary>A Dataspace Protocol connector's participant id (its API client was registered as one).</summary>
    public const string DspParticipant = "dsp_participant";

    /// <summary>A base address the marketplace may call a connector back at, one claim each.</summary>
    public const string DspCallback = "dsp_callback";

    /// <summary>The audience every marketplace API accepts.</summary>
    public const string Audience = "marketplace";

    public static Guid OrganisationIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(OrganisationId)?.Value, out var id)
            ? id
            : throw new InvalidOperationException("The access token carries no organisation.");

    public static bool IsOrganisationVerified(this ClaimsPrincipal user) =>
        user.FindFirst(OrganisationVerified)?.Value == "true";

    public static bool IsSme(this ClaimsPrincipal user) => user.FindFirst(Sme)?.Value == "true";

    /// <summary>The token's subject (an API client's id or a person's id), recorded as who made a change.</summary>
    public static string SubjectOf(this ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? "unknown";
}
