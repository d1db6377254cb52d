namespace Marketplace.Contracts.Domain;

/// <summary>
/// The record of an access grant the platform signed for an agreement's buyer: when, and for which period (the
/// signed JWT itself is handed out once and not kept). Both parties can read it; a provider learns from it which
/// grants exist for its data, and from the revocation list which no longer count.
/// </summary>
public sealed class AccessGrant
{
    public Guid Id { get; private set; }

    public Guid AgreementId { get; private set; }

    public DateTime IssuedAt { get; private set; }

    public DateTime NotBefore { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    private AccessGrant()
    {
    }

    public static AccessGrant For(Agreement agreement, Guid id, DateTime now) => new()
    {
        Id = id,
        AgreementId = agreement.Id,
        IssuedAt = now,
        NotBefore = agreement.StartsAt,
        ExpiresAt = agreement.EndsAt,
    };
}
