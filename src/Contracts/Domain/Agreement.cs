using System.Security.Cryptography;
using Marketplace.BuildingBlocks.Errors;

namespace Marketplace.Contracts.Domain;

/// <summary>
/// The agreement a negotiation reached: its canonical JSON document and SHA-256 hash (fixed when the
/// provider agrees), both parties' signatures over that hash, and the platform's signed receipt.
/// </summary>
public sealed class Agreement
{
    private Agreement()
    {
    }

    public Guid Id { get; private set; }

    public Guid NegotiationId { get; private set; }

    public Guid DatasetId { get; private set; }

    public int DatasetVersion { get; private set; }

    public Guid ProviderOrganisationId { get; private set; }

    public Guid BuyerOrganisationId { get; private set; }

    public ContractTerms Terms { get; private set; } = null!;

    public decimal PriceKrw { get; private set; }

    public PriceCheck Check { get; private set; } = null!;

    /// <summary>The canonical JSON (RFC 8785) the parties sign; never changes once drafted.</summary>
    public string Document { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of <see cref="Document"/>'s UTF-8 bytes.</summary>
    public string Hash { get; private set; } = "";

    public Signature ProviderSignature { get; private set; } = null!;

    public Signature? BuyerSignature { get; private set; }

    /// <summary>The platform's ES256-signed receipt (a JWS) over the hash, both signers and timestamps.</summary>
    public string? Receipt { get; private set; }

    public DateTime? FinalizedAt { get; private set; }

    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public AgreementStatus Status { get; private set; }

    public DateTime? TerminatedAt { get; private set; }

    public string? TerminatedBy { get; private set; }

    public string? TerminationReason { get; private set; }

    public int Revision { get; private set; }

    /// <summary>The agreement an accepted negotiation yields, not yet signed (<see cref="SignByProvider"/>).</summary>
    public static Agreement Draft(Guid id, Negotiation negotiation, string document, string hash)
    {
        var start = negotiation.Terms.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return new Agreement
        {
            Id = id,
            NegotiationId = negotiation.Id,
            DatasetId = negotiation.DatasetId,
            DatasetVersion = negotiation.DatasetVersion,
            ProviderOrganisationId = negotiation.ProviderOrganisationId,
            BuyerOrganisationId = negotiation.BuyerOrganisationId,
            Terms = negotiation.Terms,
            PriceKrw = negotiation.PriceKrw,
            Check = negotiation.Check,
            Document = document,
            Hash = hash,
            StartsAt = start,
            EndsAt = start.AddMonths(negotiation.Terms.DurationMonths),
            Status = AgreementStatus.Signing,
            Revision = 1,
        };
    }

    /// <summary>
    /// The id of a negotiation's agreement, known before it is signed (the document names it): a UUID version 7
    /// whose time is the negotiation's start and whose other bits come from the negotiation's id. A negotiation
    /// yields at most one agreement (a renewal is a new negotiation), so the id is unique.
    /// </summary>
    public static Guid IdFor(Negotiation negotiation)
    {
        Span<byte> seed = stackalloc byte[16];
        negotiation.Id.TryWriteBytes(seed, bigEndian: true, out _);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(seed, hash);
        Span<byte> id = stackalloc byte[16];
        var millis = new DateTimeOffset(DateTime.SpecifyKind(negotiation.CreatedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            id[i] = (byte)(millis >> (8 * (5 - i)));
        }

        hash[..10].CopyTo(id[6..]);
        id[6] = (byte)(0x70 | (id[6] & 0x0F));
        id[8] = (byte)(0x80 | (id[8] & 0x3F));
        return new Guid(id, bigEndian: true);
    }

    /// <summary>
    /// The provider signs the draft: the agreement's hash is fixed from here on. A hash it names (of the draft it read)
    /// must be this draft's: one drafted since from changed details is not signed.
    /// </summary>
    public void SignByProvider(Signature provider, string? readHash)
    {
        if (readHash is not null)
        {
            EnsureHashIs(readHash, "The agreement has changed since it was read (the dataset's details or the accepted terms); read the draft again before agreeing.");
        }

        ProviderSignature = provider;
    }

    /// <summary>The buyer signs; the hash it names must be the one the provider signed (it signs what it read).</summary>
    public void SignByBuyer(Signature buyer, string hash)
    {
        EnsureHashIs(hash, "The agreement hash does not match the agreement the provider signed; read it again before verifying.");
        BuyerSignature = buyer;
        Revision++;
    }

    /// <summary>A signature is for the document read: another hash is a 409 carrying this agreement's.</summary>
    private void EnsureHashIs(string named, string conflict)
    {
        if (!string.Equals(named, Hash, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictException(conflict).With("agreementHash", Hash);
        }
    }

    public void Finalize(string receipt, DateTime now)
    {
        Receipt = receipt;
        FinalizedAt = now;
        Status = AgreementStatus.Finalized;
        Revision++;
    }

    /// <summary>Ends the agreement (a party under the terms) or the draft (its negotiation ended).</summary>
    public void Terminate(string by, string reason, DateTime now)
    {
        if (Status == AgreementStatus.Terminated)
        {
            throw new ConflictException("The agreement is already terminated.").With("status", "TERMINATED");
        }

        if (Status == AgreementStatus.Finalized && now >= EndsAt)
        {
            throw new ConflictException("The agreement has already ended.").With("status", "EXPIRED");
        }

        Status = AgreementStatus.Terminated;
        TerminatedAt = now;
        TerminatedBy = by;
        TerminationReason = reason;
        Revision++;
    }

    public bool IsInForce(DateTime now) => Status == AgreementStatus.Finalized && now < EndsAt;

    /// <summary>SIGNING, FINALIZED, EXPIRED or TERMINATED, as shown to the parties: spelled as the negotiation states are.</summary>
    public string StatusAt(DateTime now) => Status switch
    {
        AgreementStatus.Finalized when now >= EndsAt => "EXPIRED",
        _ => Status.ToString().ToUpperInvariant(),
    };

    public Party? PartyOf(Guid organisation) =>
        organisation == BuyerOrganisationId ? Party.Buyer : organisation == ProviderOrganisationId ? Party.Provider : null;
}
