using Marketplace.BuildingBlocks.Errors;
using Marketplace.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Infrastructure;

/// <summary>Passwords (ASP.NET Core Identity's PBKDF2 hasher), sign-in with lock-out, and accepting invitations.</summary>
public sealed class PersonAccounts(IdentityDb db, TimeProvider clock)
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 128;

    private static readonly PasswordHasher<Person> Hasher = new();

    /// <summary>The person, or null when the address is unknown, the password wrong, or the account locked or disabled.</summary>
    public async Task<Person?> SignInAsync(string? email, string? password, CancellationToken ct)
    {
        var normalised = email?.Trim().ToLowerInvariant();
        var person = string.IsNullOrEmpty(normalised) ? null : await db.People.FirstOrDefaultAsync(p => p.Email == normalised, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (person is null || string.IsNullOrEmpty(password) || !person.CanSignIn(now))
        {
            return null;
        }

        var verdict = Hasher.VerifyHashedPassword(person, person.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            person.FailedSignIn(now);
            await db.SaveChangesAsync(ct);
            return null;
        }

        person.SignedIn(verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(person, password) : null);
        await db.SaveChangesAsync(ct);
        return person;
    }

    public async Task<Invitation?> FindOpenInvitationAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 100)
        {
            return null;
        }

        var hash = Invitation.Hash(code.Trim());
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.CodeHash == hash, ct);
        return invitation is not null && invitation.IsOpen(clock.GetUtcNow().UtcDateTime) ? invitation : null;
    }

    /// <summary>Creates the invited person; the invitation cannot be used again.</summary>
    public async Task<Person> AcceptAsync(Invitation invitation, string? displayName, string? password, CancellationToken ct)
    {
        new Validator()
            .Require(!string.IsNullOrWhiteSpace(displayName), "displayName", "A name is required.")
            .MaxLength(displayName, 100, "displayName")
            .Require(password is { Length: >= MinPasswordLength and <= MaxPasswordLength }, "password",
                $"The password must have {MinPasswordLength} to {MaxPasswordLength} characters.")
            .ThrowIfInvalid();
        if (await db.People.AnyAsync(p => p.Email == invitation.Email, ct))
        {
            throw new ConflictException($"'{invitation.Email}' already has an account.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        invitation.Accept(now);
        var person = Create(invitation.OrganisationId, invitation.Email, displayName!.Trim(), password!, invitation.IsOrganisationAdmin, now);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return person;
    }

    public static Person Create(Guid organisationId, string email, string displayName, string password, bool isOrganisationAdmin, DateTime now) =>
        // The hasher does not look at the person; the password alone decides the hash (with a random salt).
        Person.Create(organisationId, email, displayName, Hasher.HashPassword(null!, password), isOrganisationAdmin, now);
}
