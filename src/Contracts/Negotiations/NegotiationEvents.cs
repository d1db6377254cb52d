using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;

namespace Marketplace.Contracts.Negotiations;

/// <summary>
/// What the transition a negotiation just made leaves to send, written with it: its integration event (outbox) and a
/// connector's Dataspace Protocol message (<c>dsp_callbacks</c>). Every transition records through <see cref="Record(ContractsDb, Negotiation, Agreement?, DatasetCopy?, string?)"/>.
/// </summary>
public static class NegotiationEvents
{
    /// <summary>
    /// Records the move a negotiation just made, to be saved with it: the event (<see cref="For"/>) and, for a negotiation
    /// a connector requested, the Dataspace Protocol message it is owed (<see cref="DspNegotiation.Owed"/>), which
    /// <see cref="DspCallbacks"/> delivers.
    /// </summary>
    /// <param name="byParticipant">The participant id in the acting caller's token, if a connector acted: its own steps are not its news.</param>
    public static void Record(ContractsDb db, Negotiation n, Agreement? agreement, DatasetCopy? dataset, string? byParticipant = null) =>
        Record(db, n, For(n, agreement, dataset), byParticipant);

    /// <inheritdoc cref="Record(ContractsDb, Negotiation, Agreement?, DatasetCopy?, string?)"/>
    public static void Record(ContractsDb db, Negotiation n, IIntegrationEvent integrationEvent, string? byParticipant = null)
    {
        db.AddEvent(integrationEvent);
        if (DspNegotiation.Owed(n, byParticipant) is { } message)
        {
            db.DspCallbacks.Add(DspCallback.For(n.Id, message, n.UpdatedAt));
        }
    }

    public static IIntegrationEvent For(Negotiation n, Agreement? agreement, DatasetCopy? dataset)
    {
        var at = n.UpdatedAt;
        return n.State switch
        {
            NegotiationState.Requested => new ContractRequested(n.Id, n.DatasetId, n.ProviderOrganisationId, n.BuyerOrganisationId, n.Rounds.Count, n.PriceKrw, at),
            NegotiationState.Offered => new ContractOffered(n.Id, n.DatasetId, n.ProviderOrganisationId, n.BuyerOrganisationId, n.Rounds.Count, n.PriceKrw, at),
            NegotiationState.Accepted => new ContractAccepted(n.Id, n.DatasetId, n.ProviderOrganisationId, n.BuyerOrganisationId, n.Rounds.Count, n.PriceKrw, at),
            NegotiationState.Agreed => new ContractAgreed(n.Id, agreement!.Id, agreement.Hash, n.DatasetId, n.ProviderOrganisationId, n.BuyerOrganisationId, n.PriceKrw, at),
            NegotiationState.Verified => new ContractVerified(n.Id, agreement!.Id, agreement.Hash, n.DatasetId, n.ProviderOrganisationId, n.BuyerOrganisationId, n.PriceKrw, at),
            NegotiationState.Finalized => new ContractFinalized(
                agreement!.Id, n.DatasetId, n.DatasetVersion, n.ProviderOrganisationId, n.BuyerOrganisationId, n.BuyerIsSme,
                dataset?.Facts.ProcessStage, dataset?.DataType, n.Check.BaselineId, n.Check.BaselineVersion, n.PriceKrw, n.Check.BasePriceKrw,
                n.Check.ReferencePriceKrw, n.Check.BandFloorKrw, n.Check.BandCeilingKrw, n.Check.PricingPurpose, n.Terms.DurationMonths,
                n.Terms.Exclusive, at),
            _ => Terminated(n, agreement, n.History[^1].By, n.TerminationReason ?? "other", at),
        };
    }

    public static ContractTerminated Terminated(Negotiation n, Agreement? agreement, string by, string reason, DateTime at) =>
        new(n.Id, agreement?.Id, n.DatasetId, n.ProviderOrganisationId, n.BuyerOrganisationId, by, reason, at);
}
