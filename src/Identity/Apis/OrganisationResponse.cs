using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Hosting;
using Marketplace.BuildingBlocks.Vocabulary;
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
public sealed record ApiClientCreatedResponse(string ClientId, string ClientSecret, bool OrganisationAdmin, Connector? Connector = null);

/// <summary>
/// The registration's first API client (an organisation administrator), and an invitation for the contact
/// address to become the first person and organisation administrator.
/// </summary>
public sealed record RegistrationResponse(OrganisationResponse Organisation, ApiClientCreatedResponse Client, InvitationCreatedResponse Invitation);

/// <param name="OrganisationAdmin">Whether the client may invite people and manage clients (default: no).</param>
/// <param name="Connector">Makes the client a Dataspace Protocol connector of the organisation (see <see cref="ConnectorRequest"/>).</param>
public sealed record CreateApiClientRequest(string? Name = null, bool OrganisationAdmin = false, ConnectorRequest? Connector = null)
{
    /// <summary>The connector it registers, if any, trimmed (400 naming each bad member).</summary>
    public Connector? Validate()
    {
        var validator = new Validator().MaxLength(Name, 100, "name");
        var connector = Connector?.Validate(validator);
        validator.ThrowIfInvalid();
        return connector;
    }
}

/// <summary>
/// A connector's participant id (a DID, a BPN or an URL, without spaces) and one to five base addresses the marketplace may
/// call back: absolute https URLs without query or fragment (http only on a loopback host, for a connector on the same machine).
/// </summary>
public sealed record ConnectorRequest(string? ParticipantId, string[]? CallbackAddresses)
{
    public Connector? Validate(Validator validator)
    {
        var participant = ParticipantId?.Trim();
        var addresses = (CallbackAddresses ?? []).Select(a => a?.Trim().TrimEnd('/') ?? "").ToArray();
        validator
            .Require(participant is { Length: > 0 and <= DataspaceProtocol.MaxIdLength } && !participant.Any(char.IsWhiteSpace), "connector.participantId",
                $"The connector's participant id: 1 to {DataspaceProtocol.MaxIdLength} characters without spaces (a DID, a BPN or an URL).")
            .Require(addresses.Length is >= 1 and <= 5 && addresses.All(IsCallbackBase) && addresses.Distinct().Count() == addresses.Length,
                "connector.callbackAddresses", "One to five distinct https URLs without query or fragment (http only on localhost, 127.0.0.1 or ::1).");
        return participant is null ? null : new Connector(participant, addresses);
    }

    private static bool IsCallbackBase(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
        && string.IsNullOrEmpty(uri.UserInfo) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
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
public sealed record ApiClientResponse(string ClientId, string Name, bool OrganisationAdmin, Connector? Connector, DateTime CreatedAt, DateTime? RevokedAt)
{
    public static ApiClientResponse From(ApiClient c) => new(c.ClientId, c.Name, c.IsOrganisationAdmin, c.Connector, c.CreatedAt, c.RevokedAt);
}

/// <summary>An invitation as its organisation's administrators read it again: never its code.</summary>
public sealed record InvitationResponse(Guid Id, string Email, bool OrganisationAdmin, DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt)
{
    public static InvitationResponse From(Invitation i) => new(i.Id, i.Email, i.IsOrganisationAdmin, i.CreatedAt, i.ExpiresAt, i.AcceptedAt);
}
