using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Hosting;
using Marketplace.Identity.Domain;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Identity.Apis;

public sealed record OrganisationResponse(
    Guid Id, string? NameKo, string? NameEn, string BusinessRegistrationNumber, string ContactEmail, bool IsSme,
    string[] Roles, OrganisationStatus Status, DateTime RegisteredAt, DateTime? ReviewedAt)
{
    public static OrganisationResponse From(Organisation o) =>
        new(o.Id, o.NameKo, o.NameEn, o.BusinessRegistrationNumber, o.ContactEmail, o.IsSme, [.. o.Roles()], o.Status, o.RegisteredAt, o.ReviewedAt);
}

/// <summary>The client secret appears here once and is never readable again.</summary>
public sealed record ApiClientCreatedResponse(string ClientId, string ClientSecret, bool OrganisationAdmin);

/// <summary>
/// The registration's first API client (an organisation administrator), and an invitation for the contact
/// address to become the first person and organisation administrator.
/// </summary>
public sealed record RegistrationResponse(OrganisationResponse Organisation, ApiClientCreatedResponse Client, InvitationCreatedResponse Invitation);

/// <param name="OrganisationAdmin">Whether the client may invite people and manage clients (default: no).</param>
public sealed record CreateApiClientRequest(string? Name = null, bool OrganisationAdmin = false)
{
    public void Validate() => new Validator().MaxLength(Name, 100, "name").ThrowIfInvalid();
}

/// <param name="OrganisationAdmin">Whether the person will administer the organisation (default: no).</param>
public sealed record InvitePersonRequest(string? Email, bool OrganisationAdmin = false)
{
    /// <summary>The e-mail address, trimmed and lower-cased (400 when it is not one).</summary>
    public string Validate()
    {
        var email = Email?.Trim().ToLowerInvariant();
        new Validator().Require(email is { Length: > 3 and <= 254 } && email.Contains('@'), "email", "A valid e-mail address is required.").ThrowIfInvalid();
        return email!;
    }
}

/// <summary>The acceptance link appears here once (pass it to the person); only its hash is kept.</summary>
public sealed record InvitationCreatedResponse(Guid Id, string Email, bool OrganisationAdmin, DateTime ExpiresAt, string AcceptUrl)
{
    public static InvitationCreatedResponse From(Invitation invitation, string code, PublicAddress address) =>
        new(invitation.Id, invitation.Email, invitation.IsOrganisationAdmin, invitation.ExpiresAt,
            $"{address.Root}{AccountPages.InvitationPath}?code={code}");
}

public sealed record PersonResponse(Guid Id, string Email, string DisplayName, bool OrganisationAdmin, DateTime CreatedAt, DateTime? DisabledAt)
{
    public static PersonResponse From(Person p) => new(p.Id, p.Email, p.DisplayName, p.IsOrganisationAdmin, p.CreatedAt, p.DisabledAt);
}

/// <summary>An API client as its organisation's administrators read it again: never its secret.</summary>
public sealed record ApiClientResponse(string ClientId, string Name, bool OrganisationAdmin, DateTime CreatedAt, DateTime? RevokedAt)
{
    public static ApiClientResponse From(ApiClient c) => new(c.ClientId, c.Name, c.IsOrganisationAdmin, c.CreatedAt, c.RevokedAt);
}

/// <summary>An invitation as its organisation's administrators read it again: never its code.</summary>
public sealed record InvitationResponse(Guid Id, string Email, bool OrganisationAdmin, DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt)
{
    public static InvitationResponse From(Invitation i) => new(i.Id, i.Email, i.IsOrganisationAdmin, i.CreatedAt, i.ExpiresAt, i.AcceptedAt);
}
