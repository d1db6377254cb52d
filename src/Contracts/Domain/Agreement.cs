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

    public static Agreement Draft(Guid id, Negotiation negotiation, string document, string hash, Signature provider)
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
            ProviderSignature = provider,
            StartsAt = start,
            EndsAt = start.AddMonths(negotiation.Terms.DurationMonths),
            Status = AgreementStatus.Signing,
            Revision = 1,
        };
    }

    /// <summary>The buyer signs; the hash it names must be the one the provider signed (it signs what it read).</summary>
    public void SignByBuyer(Signature buyer, string hash)
    {
        if (!string.Equals(hash, Hash, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictException("The agreement hash does not match the agreement the provider signed; read it again before verifying.")
                .With("agreementHash", Hash);
        }

        BuyerSignature = buyer;
        Revision++;
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
