using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Security;
using Marketplace.Identity.Domain;

namespace Marketplace.Identity.Apis;

public sealed record RegisterOrganisationRequest(
    string? BusinessRegistrationNumber, string? ContactEmail, string[]? Roles, string? NameKo = null, string? NameEn = null, bool IsSme = false)
{
    /// <summary>Validates the request and returns the normalised registration number.</summary>
    public string Validate()
    {
        var number = Domain.BusinessRegistrationNumber.Normalize(BusinessRegistrationNumber);
        var roles = Roles ?? [];
        new Validator()
            .Require(!string.IsNullOrWhiteSpace(NameKo) || !string.IsNullOrWhiteSpace(NameEn), nameof(NameKo), "A Korean or an English name is required.")
            .MaxLength(NameKo, 200, nameof(NameKo))
            .MaxLength(NameEn, 200, nameof(NameEn))
            .Require(number is not null, nameof(BusinessRegistrationNumber), "Must be a valid 10-digit Korean business registration number (check digit included).")
            .Require(ContactEmail is { Length: > 3 and <= 254 } && ContactEmail.Contains('@'), nameof(ContactEmail), "A valid e-mail address is required.")
            .Require(roles.Length > 0, nameof(Roles), "Ask for at least one role: provider, buyer.")
            .Require(roles.All(r => r is MarketplaceRoles.Provider or MarketplaceRoles.Buyer), nameof(Roles), "Roles may be provider and buyer only.")
            .ThrowIfInvalid();
        return number!;
    }
}
