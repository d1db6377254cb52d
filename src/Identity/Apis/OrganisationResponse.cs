using Marketplace.Identity.Domain;

namespace Marketplace.Identity.Apis;

public sealed record OrganisationResponse(
    Guid Id, string? NameKo, string? NameEn, string BusinessRegistrationNumber, string ContactEmail, bool IsSme,
    string[] Roles, OrganisationStatus Status, DateTime RegisteredAt, DateTime? ReviewedAt)
{
    public static OrganisationResponse From(Organisation o) =>
        new(o.Id, o.NameKo, o.NameEn, o.BusinessRegistrationNumber, o.ContactEmail, o.IsSme, [.. o.Roles()], o.Status, o.RegisteredAt, o.ReviewedAt);
}

/// <summary>The client secret appears here once and is never readable again.</summary>
public sealed record ApiClientCreatedResponse(string ClientId, string ClientSecret);

public sealed record RegistrationResponse(OrganisationResponse Organisation, ApiClientCreatedResponse Client);

public sealed record CreateApiClientRequest(string? Name);
