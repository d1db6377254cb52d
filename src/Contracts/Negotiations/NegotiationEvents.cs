using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.Contracts.Domain;

namespace Marketplace.Contracts.Negotiations;

/// <summary>The integration event of the transition a negotiation just made (written to the outbox with it).</summary>
public static class NegotiationEvents
{
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
