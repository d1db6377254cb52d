using System.Security.Claims;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Security;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Contracts.Negotiations;

/// <summary>
/// A buyer opens a negotiation: a request for a dataset (<c>POST /negotiations</c>) or the renewal of an agreement
/// (<c>POST /agreements/{id}/renew</c>). The dataset must be listed and visible to the buyer (404 otherwise, so a
/// restricted dataset is not revealed), not the buyer's own, offered on these terms (422) and priced inside the band
/// of the baseline in force (422). The negotiation and its event are saved together. A request at a standard offer's
/// terms (<see cref="StandardOffers.RequestAsync"/>) names the offer; when the offer agrees automatically the platform
/// agrees in the same transaction on the provider's behalf. A connector's request (Dataspace Protocol) keeps its peer.
/// </summary>
public static class OpenNegotiation
{
    public static async Task<Negotiation> RunAsync(
        ContractsDb db, Guid datasetId, ClaimsPrincipal buyer, ContractTerms terms, decimal price, DateTime now, ContractsOptions options,
        Guid? renewalOf, CancellationToken ct, StandardOffer? offer = null, DspPeer? peer = null)
    {
        var organisation = buyer.OrganisationIdOf();
        var dataset = await db.DatasetCopies.AsNoTracking().FirstOrDefaultAsync(d => d.DatasetId == datasetId, ct);
        if (dataset is not { Listed: true } || !dataset.IsVisibleTo(organisation))
        {
            throw new NotFoundException("Dataset", datasetId);
        }

        if (dataset.ProviderOrganisationId == organisation)
        {
            throw new RuleViolationException("An organisation cannot negotiate for its own dataset.", "datasetId");
        }

        ProposedTerms.EnsureOffered(terms, dataset);
        var check = await PriceBands.CheckAsync(db, dataset, terms, price, now, ct);
        var negotiation = Negotiation.Request(
            dataset, organisation, buyer.IsSme(), buyer.SubjectOf(), terms, price, check, now, options.ResponsePeriod, renewalOf, offer?.Id);
        if (peer is not null)
        {
            negotiation.ConnectDsp(peer);
        }

        db.Negotiations.Add(negotiation);
        NegotiationEvents.Record(db, negotiation, null, dataset);
        if (offer is { AutoAgree: true })
        {
            var agreement = AgreementDrafts.Draft(negotiation, dataset);
            agreement.SignByProvider(new Signature(offer.ProviderOrganisationId, Negotiation.StandardOfferSubject(offer.Id), now), readHash: null);
            negotiation.AgreeOnProvidersBehalf(agreement.Id, agreement.Hash, now, options.ResponsePeriod);
            db.Agreements.Add(agreement);
            NegotiationEvents.Record(db, negotiation, agreement, dataset);
        }

        await db.SaveChangesAsync(ct);
        return negotiation;
    }
}
