using System.Security.Cryptography;
using System.Text;
using Marketplace.BuildingBlocks.Errors;

namespace Marketplace.Identity.Domain;

/// <summary>
/// An organisation administrator's invitation for one e-mail address. The code that accepts it is
/// shown once to the inviter (who passes it on) and kept only as its SHA-256 hash.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Email { get; private set; } = "";

    public bool IsOrganisationAdmin { get; private set; }

    public string CodeHash { get; private set; } = "";

    /// <summary>Subject of the token that invited: a person's id or an API client's id.</summary>
    public string InvitedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public static (Invitation Invitation, string Code) Create(Guid organisationId, string email, bool isOrganisationAdmin, string invitedBy, DateTime now)
    {
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        return (new Invitation
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Email = email.Trim().ToLowerInvariant(),
            IsOrganisationAdmin = isOrganisationAdmin,
            CodeHash = Hash(code),
            InvitedBy = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        }, code);
    }

    public static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code))).ToLowerInvariant();

    public bool IsOpen(DateTime now) => AcceptedAt is null && ExpiresAt > now;

    public void Accept(DateTime now)
    {
        if (!IsOpen(now))
        {
            throw new ConflictException("This invitation has expired or was already used.");
        }

        AcceptedAt = now;
    }
}
