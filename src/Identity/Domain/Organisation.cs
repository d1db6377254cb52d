using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Security;

namespace Marketplace.Identity.Domain;

/// <summary>A company taking part in the marketplace: a provider, a buyer, both, or the platform operator.</summary>
public sealed class Organisation
{
    private Organisation()
    {
    }

    public Guid Id { get; private set; }

    public string? NameKo { get; private set; }

    public string? NameEn { get; private set; }

    public string BusinessRegistrationNumber { get; private set; } = "";

    public string ContactEmail { get; private set; } = "";

    public bool IsSme { get; private set; }

    public bool IsProvider { get; private set; }

    public bool IsBuyer { get; private set; }

    /// <summary>The platform operator; its clients act as administrators.</summary>
    public bool IsPlatformAdmin { get; private set; }

    public OrganisationStatus Status { get; private set; }

    public DateTime RegisteredAt { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public static Organisation Register(
        string? nameKo, string? nameEn, string businessRegistrationNumber, string contactEmail, bool isSme,
        bool isProvider, bool isBuyer, DateTime now, Guid? id = null) => new()
        {
            Id = id ?? Guid.NewGuid(),
            NameKo = nameKo,
            NameEn = nameEn,
            BusinessRegistrationNumber = businessRegistrationNumber,
            ContactEmail = contactEmail,
            IsSme = isSme,
            IsProvider = isProvider,
            IsBuyer = isBuyer,
            Status = OrganisationStatus.Pending,
            RegisteredAt = now,
        };

    public static Organisation Platform(string businessRegistrationNumber, DateTime now)
    {
        var platform = Register("플랫폼 운영", "Platform operator", businessRegistrationNumber, "operator@marketplace.invalid", false, false, false, now);
        platform.IsPlatformAdmin = true;
        platform.Status = OrganisationStatus.Verified;
        platform.ReviewedAt = now;
        return platform;
    }

    public void Verify(DateTime now) => Review(OrganisationStatus.Pending, OrganisationStatus.Verified, now);

    public void Reject(DateTime now) => Review(OrganisationStatus.Pending, OrganisationStatus.Rejected, now);

    public void Suspend(DateTime now) => Review(OrganisationStatus.Verified, OrganisationStatus.Suspended, now);

    public void Reinstate(DateTime now) => Review(OrganisationStatus.Suspended, OrganisationStatus.Verified, now);

    /// <summary>Rejected or suspended: no new tokens, and every module refuses the tokens it still has.</summary>
    public bool IsBarred => Status is OrganisationStatus.Rejected or OrganisationStatus.Suspended;

    /// <summary>What every module learns of this decision.</summary>
    public OrganisationStatusChanged StatusChanged() => new(Id, Status.ToString().ToLowerInvariant(), IsBarred, ReviewedAt ?? RegisteredAt, NameKo, NameEn);

    /// <summary>Roles its access tokens carry.</summary>
    public IEnumerable<string> Roles()
    {
        if (IsPlatformAdmin)
        {
            yield return MarketplaceRoles.Admin;
        }

        if (IsProvider)
        {
            yield return MarketplaceRoles.Provider;
        }

        if (IsBuyer)
        {
            yield return MarketplaceRoles.Buyer;
        }
    }

    private void Review(OrganisationStatus from, OrganisationStatus to, DateTime now)
    {
        if (Status != from)
        {
            throw new ConflictException($"Organisation '{Id}' is {Status}; only a {from} organisation can become {to}.");
        }

        Status = to;
        ReviewedAt = now;
    }
}
