using Marketplace.BuildingBlocks.Errors;

namespace Marketplace.Contracts.Domain;

/// <summary>
/// A contract negotiation between a buyer and the provider of one dataset version, through the DSP
/// states (<see cref="NegotiationRules"/>). Every proposal is kept as a round and every transition in the
/// audit trail; <see cref="Revision"/> makes concurrent actions on one negotiation fail but one.
/// </summary>
public sealed class Negotiation
{
    private Negotiation()
    {
    }

    public Guid Id { get; private set; }

    public Guid DatasetId { get; private set; }

    public int DatasetVersion { get; private set; }

    public Guid ProviderOrganisationId { get; private set; }

    public Guid BuyerOrganisationId { get; private set; }

    public bool BuyerIsSme { get; private set; }

    public NegotiationState State { get; private set; }

    /// <summary>The terms and price on the table: the latest round's.</summary>
    public ContractTerms Terms { get; private set; } = null!;

    public decimal PriceKrw { get; private set; }

    public PriceCheck Check { get; private set; } = null!;

    public List<NegotiationRound> Rounds { get; private set; } = [];

    public List<NegotiationEvent> History { get; private set; } = [];

    /// <summary>When the party whose turn it is must have acted; past it the negotiation expires.</summary>
    public DateTime? DueAt { get; private set; }

    public Guid? AgreementId { get; private set; }

    /// <summary>The SHA-256 of the agreement document the provider signed; the buyer names it to verify.</summary>
    public string? AgreementHash { get; private set; }

    /// <summary>The agreement this negotiation renews, if it does.</summary>
    public Guid? RenewalOf { get; private set; }

    /// <summary>The standard offer whose terms the buyer requested as they are, if it did.</summary>
    public Guid? StandardOfferId { get; private set; }

    /// <summary>The participant id of the connector that requested through the Dataspace Protocol (its token's <c>dsp_participant</c>).</summary>
    public string? DspParticipantId { get; private set; }

    /// <summary>The consumer's process id when a connector requested through the Dataspace Protocol (its <c>consumerPid</c>).</summary>
    public string? DspConsumerPid { get; private set; }

    /// <summary>Where the connector takes the provider's DSP messages about this negotiation (under an address its client registered).</summary>
    public string? DspCallbackAddress { get; private set; }

    public string? TerminationReason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token: every change increments it.</summary>
    public int Revision { get; private set; }

    public Party? Turn => NegotiationRules.TurnIn(State);

    public static Negotiation Request(
        DatasetCopy dataset, Guid buyer, bool buyerIsSme, string subject, ContractTerms terms, decimal price, PriceCheck check,
        DateTime now, TimeSpan responsePeriod, Guid? renewalOf = null, Guid? standardOfferId = null)
    {
        var negotiation = new Negotiation
        {
            Id = Guid.CreateVersion7(),
            DatasetId = dataset.DatasetId,
            DatasetVersion = dataset.Version,
            ProviderOrganisationId = dataset.ProviderOrganisationId,
            BuyerOrganisationId = buyer,
            BuyerIsSme = buyerIsSme,
            RenewalOf = renewalOf,
            StandardOfferId = standardOfferId,
            CreatedAt = now,
        };
        negotiation.Propose(Party.Buyer, subject, terms, price, check, now);
        negotiation.Move("request", Party.Buyer, subject, NegotiationState.Requested, now, responsePeriod, reason: null);
        return negotiation;
    }

    /// <summary>A connector opened it through the Dataspace Protocol: its process id and callback address, kept for its messages.</summary>
    public void ConnectDsp(DspPeer peer)
    {
        DspParticipantId = peer.ParticipantId;
        DspConsumerPid = peer.ConsumerPid;
        DspCallbackAddress = peer.CallbackAddress;
    }

    /// <summary>Whether the caller whose token names <paramref name="participantId"/> is the connector that requested this negotiation.</summary>
    public bool IsConnector(string? participantId) => DspParticipantId is not null && participantId == DspParticipantId;

    /// <summary>
    /// A 409 when a person (or any client but the connector) takes a buyer's step in a negotiation the buyer's connector
    /// requested: the connector negotiates for the buyer and would not learn of it. Ending it stays open to the buyer's
    /// people (the connector is told, <see cref="DspNegotiation.Owed"/>); asking the platform to finalize changes nothing the
    /// connector does not know.
    /// </summary>
    public void EnsureConnectorLeads(NegotiationAction action, Party by, string? participantId)
    {
        if (by == Party.Buyer && DspParticipantId is not null && !IsConnector(participantId)
            && action is NegotiationAction.Counter or NegotiationAction.Accept or NegotiationAction.Verify)
        {
            throw (ConflictException)Conflict(
                    $"Your organisation's connector {DspParticipantId} negotiates this contract over the Dataspace Protocol and takes the buyer's steps; "
                    + "its people may end the negotiation.")
                .With("dspParticipantId", DspParticipantId);
        }
    }

    /// <summary>Which side <paramref name="organisation"/> is on, or null when it is neither.</summary>
    public Party? PartyOf(Guid organisation) =>
        organisation == BuyerOrganisationId ? Party.Buyer : organisation == ProviderOrganisationId ? Party.Provider : null;

    /// <summary>A 409 unless <paramref name="by"/> may take <paramref name="action"/> now.</summary>
    public void EnsureAllowed(NegotiationAction action, Party by)
    {
        if (!NegotiationRules.AllowsIn(State, action))
        {
            throw Conflict($"A negotiation in state {NegotiationRules.Name(State)} cannot be {Past(action)}.");
        }

        if (!NegotiationRules.Allows(State, action, by))
        {
            throw Conflict($"It is the {Describe(Turn)}'s turn in state {NegotiationRules.Name(State)}, not the {Describe(by)}'s.");
        }
    }

    /// <summary>The provider offers the terms on the table, or its own (counter-offer).</summary>
    public void Offer(Party by, string subject, ContractTerms terms, decimal price, PriceCheck check, DateTime now, TimeSpan period)
    {
        EnsureAllowed(NegotiationAction.Offer, by);
        Propose(by, subject, terms, price, check, now);
        Move("offer", by, subject, NegotiationState.Offered, now, period, null);
    }

    /// <summary>The buyer answers an offer with other terms or another price.</summary>
    public void Counter(Party by, string subject, ContractTerms terms, decimal price, PriceCheck check, DateTime now, TimeSpan period)
    {
        EnsureAllowed(NegotiationAction.Counter, by);
        Propose(by, subject, terms, price, check, now);
        Move("counter", by, subject, NegotiationState.Requested, now, period, null);
    }

    public void Accept(Party by, string subject, DateTime now, TimeSpan period)
    {
        EnsureAllowed(NegotiationAction.Accept, by);
        Move("accept", by, subject, NegotiationState.Accepted, now, period, null);
    }

    /// <summary>The provider agrees to the round on the table (the buyer's request or the offer it accepted), signing the agreement drafted from it.</summary>
    public void Agree(Party by, string subject, Guid agreementId, string agreementHash, DateTime now, TimeSpan period)
    {
        EnsureAllowed(NegotiationAction.Agree, by);
        AgreementId = agreementId;
        AgreementHash = agreementHash;
        Move("agree", by, subject, NegotiationState.Agreed, now, period, null);
    }

    /// <summary>
    /// The platform agrees on the provider's behalf to a request at the terms of a standard offer the provider published
    /// with automatic agreement: straight from REQUESTED, as the Dataspace Protocol lets a provider agree
    /// (docs/decisions/009-standard-offers-and-platform-agreement.md). The history names the platform and the offer.
    /// </summary>
    public void AgreeOnProvidersBehalf(Guid agreementId, string agreementHash, DateTime now, TimeSpan period)
    {
        if (State != NegotiationState.Requested || StandardOfferId is null || Rounds.Count != 1)
        {
            throw Conflict("The platform agrees only to a new request at a standard offer's terms.");
        }

        AgreementId = agreementId;
        AgreementHash = agreementHash;
        Move("agree", null, StandardOfferSubject(StandardOfferId.Value), NegotiationState.Agreed, now, period, null);
    }

    /// <summary>Who signs for the provider when the platform agrees to a standard offer: the offer itself.</summary>
    public static string StandardOfferSubject(Guid offerId) => $"standard-offer:{offerId}";

    /// <summary>The buyer verifies the agreement the provider signed, signing it too.</summary>
    public void Verify(Party by, string subject, DateTime now, TimeSpan period)
    {
        EnsureAllowed(NegotiationAction.Verify, by);
        Move("verify", by, subject, NegotiationState.Verified, now, period, null);
    }

    public void Finalize(Party by, string subject, DateTime now)
    {
        EnsureAllowed(NegotiationAction.Finalize, by);
        Move("finalize", by, subject, NegotiationState.Finalized, now, null, null);
    }

    public void Terminate(Party by, string subject, string reason, DateTime now)
    {
        EnsureAllowed(NegotiationAction.Terminate, by);
        TerminationReason = reason;
        Move("terminate", by, subject, NegotiationState.Terminated, now, null, reason);
    }

    /// <summary>The platform ends an open negotiation (its dataset went away); false when it was already final.</summary>
    public bool EndByPlatform(string reason, DateTime now)
    {
        if (NegotiationRules.IsFinal(State))
        {
            return false;
        }

        TerminationReason = reason;
        Move("terminate", null, "platform", NegotiationState.Terminated, now, null, reason);
        return true;
    }

    /// <summary>Expires an open negotiation whose party did not act in time; false when it is not due.</summary>
    public bool ExpireIfDue(DateTime now) => DueAt is { } due && due <= now && EndByPlatform("expired", now);

    private void Propose(Party by, string subject, ContractTerms terms, decimal price, PriceCheck check, DateTime now)
    {
        Terms = terms;
        PriceKrw = price;
        Check = check;
        Rounds = [.. Rounds, new NegotiationRound(Rounds.Count + 1, Describe(by), subject, terms, price, check, now)];
    }

    private void Move(string action, Party? by, string subject, NegotiationState to, DateTime now, TimeSpan? period, string? reason)
    {
        History = [.. History, new NegotiationEvent(now, action, Describe(by), subject, Revision == 0 ? "" : NegotiationRules.Name(State), NegotiationRules.Name(to), reason)];
        State = to;
        DueAt = NegotiationRules.IsFinal(to) || period is null ? null : now + period.Value;
        UpdatedAt = now;
        Revision++;
    }

    private ConflictException Conflict(string message) =>
        (ConflictException)new ConflictException(message).With("state", NegotiationRules.Name(State)).With("revision", Revision);

    private static string Describe(Party? party) => party switch
    {
        Party.Buyer => "buyer",
        Party.Provider => "provider",
        _ => "platform",
    };

    private static string Past(NegotiationAction action) => action switch
    {
        NegotiationAction.Counter => "countered",
        NegotiationAction.Offer => "offered",
        NegotiationAction.Accept => "accepted",
        NegotiationAction.Agree => "agreed",
        NegotiationAction.Verify => "verified",
        NegotiationAction.Finalize => "finalized",
        _ => "terminated",
    };
}
