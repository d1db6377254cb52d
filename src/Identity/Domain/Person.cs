using Marketplace.BuildingBlocks.Errors;

namespace Marketplace.Identity.Domain;

/// <summary>
/// Someone who signs in with an e-mail address and a password (authorization code + PKCE) and acts for
/// one organisation. Created by accepting an invitation (and by the demo seed).
/// </summary>
public sealed class Person
{
    /// <summary>Failed sign-ins in a row before the account locks for <see cref="LockoutPeriod"/>.</summary>
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(5);

    private Person()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>Lower-case; unique across the marketplace.</summary>
    public string Email { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string PasswordHash { get; private set; } = "";

    /// <summary>May invite people and manage the organisation's API clients.</summary>
    public bool IsOrganisationAdmin { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? DisabledAt { get; private set; }

    public int FailedSignIns { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public static Person Create(Guid organisationId, string email, string displayName, string passwordHash, bool isOrganisationAdmin, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganisationId = organisationId,
        Email = email.Trim().ToLowerInvariant(),
        DisplayName = displayName,
        PasswordHash = passwordHash,
        IsOrganisationAdmin = isOrganisationAdmin,
        CreatedAt = now,
    };

    public bool CanSignIn(DateTime now) => DisabledAt is null && (LockedUntil is null || LockedUntil <= now);

    public void SignedIn(string? rehashedPassword)
    {
        FailedSignIns = 0;
        LockedUntil = null;
        if (rehashedPassword is not null)
        {
            PasswordHash = rehashedPassword;
        }
    }

    public void FailedSignIn(DateTime now)
    {
        FailedSignIns++;
        if (FailedSignIns >= MaxFailedSignIns)
        {
            LockedUntil = now + LockoutPeriod;
            FailedSignIns = 0;
        }
    }

    /// <summary>A disabled person cannot sign in, and their refresh tokens stop working.</summary>
    public void Disable(DateTime now)
    {
        if (DisabledAt is not null)
        {
            throw new ConflictException($"Person '{Id}' is already disabled.");
        }

        DisabledAt = now;
    }
}
