using System.Security.Claims;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Security;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Contracts.Negotiations;

/// <summary>
/// Standard offers (<see cref="StandardOffer"/>): a provider publishes and withdraws them; the platform withdraws one the
/// band or its dataset no longer admits — when a baseline comes into force, when the dataset leaves the marketplace,
/// and at the request that finds it so. Each publication and withdrawal is saved with its event.
/// </summary>
public static class StandardOffers
{
    /// <summary>
    /// The provider of a listed dataset publishes terms at a price: the dataset must offer the terms and the price must be
    /// inside the band now (422 naming the member otherwise, as for a request).
    /// </summary>
    public static async Task<StandardOffer> PublishAsync(
        ContractsDb db, Guid datasetId, ClaimsPrincipal provider, ContractTerms terms, decimal price, bool autoAgree, DateTime now, CancellationToken ct)
    {
        var dataset = await db.DatasetCopies.AsNoTracking().FirstOrDefaultAsync(d => d.DatasetId == datasetId, ct);
        if (dataset is not { Listed: true } || dataset.ProviderOrganisationId != provider.OrganisationIdOf())
        {
            throw new NotFoundException("Dataset", datasetId);
        }

        ProposedTerms.EnsureOffered(terms, dataset);
        var check = await PriceBands.CheckAsync(db, dataset, terms, price, now, ct);
        if (await db.StandardOffers.CountAsync(o => o.DatasetId == datasetId && o.Status == StandardOfferStatus.Active, ct) >= StandardOffer.MaxActivePerDataset)
        {
            throw new ConflictException($"A dataset has at most {StandardOffer.MaxActivePerDataset} standard offers at once; withdraw one first.");
        }

        var offer = StandardOffer.Publish(dataset, provider.SubjectOf(), terms, price, check, autoAgree, now);
        db.StandardOffers.Add(offer);
        db.AddEvent(new StandardOfferPublished(offer.Id, datasetId, offer.ProviderOrganisationId, price, terms.Purposes, terms.DurationMonths, terms.Exclusive, autoAgree, now));
        await db.SaveChangesAsync(ct);
        return offer;
    }

    /// <summary>The active offers of the datasets, each dataset's cheapest first (as buyers and connectors read them).</summary>
    public static async Task<ILookup<Guid, StandardOffer>> ActiveAsync(ContractsDb db, IReadOnlyCollection<Guid> datasetIds, CancellationToken ct) =>
        (await db.StandardOffers.AsNoTracking().Where(o => datasetIds.Contains(o.DatasetId) && o.Status == StandardOfferStatus.Active).ToListAsync(ct))
            .OrderBy(o => o.PriceKrw).ThenBy(o => o.PublishedAt).ToLookup(o => o.DatasetId);

    /// <summary>The offer as the caller may see it: its provider and administrators always, others while its dataset is visible to them (404 otherwise).</summary>
    public static async Task<StandardOffer> FindAsync(ContractsDb db, Guid id, ClaimsPrincipal user, bool tracked, CancellationToken ct)
    {
        var offers = tracked ? db.StandardOffers : db.StandardOffers.AsNoTracking();
        var offer = await offers.FirstOrDefaultAsync(o => o.Id == id, ct);
        var organisation = user.OrganisationIdOf();
        if (offer is not null && (offer.ProviderOrganisationId == organisation || user.IsInRole(MarketplaceRoles.Admin)))
        {
            return offer;
        }

        var dataset = offer is null ? null : await db.DatasetCopies.AsNoTracking().FirstOrDefaultAsync(d => d.DatasetId == offer.DatasetId, ct);
        return dataset is not null && dataset.IsVisibleTo(organisation) ? offer! : throw new NotFoundException("StandardOffer", id);
    }

    /// <summary>Its provider withdraws it (409 when it already is).</summary>
    public static async Task<StandardOffer> WithdrawAsync(ContractsDb db, Guid id, ClaimsPrincipal provider, DateTime now, CancellationToken ct)
    {
        var offer = await db.StandardOffers.FirstOrDefaultAsync(o => o.Id == id && o.ProviderOrganisationId == provider.OrganisationIdOf(), ct)
            ?? throw new NotFoundException("StandardOffer", id);
        offer.EnsureActive();
        Withdraw(db, offer, "provider", now);
        await db.SaveChangesAsync(ct);
        return offer;
    }

    /// <summary>
    /// A buyer requests the offer's terms as they are, starting on <paramref name="start"/>: a negotiation opened with the
    /// offer's terms and price, checked as any request is. When the dataset no longer offers the terms or the band no longer
    /// admits the price, the offer is withdrawn and the request answered 409. With automatic agreement the platform agrees
    /// at once on the provider's behalf (the provider's signature names the offer) and the buyer verifies next.
    /// </summary>
    public static async Task<Negotiation> RequestAsync(
        ContractsDb db, Guid id, ClaimsPrincipal buyer, DateOnly start, DateTime now, ContractsOptions options, CancellationToken ct) =>
        await RequestAsync(db, await FindAsync(db, id, buyer, tracked: true, ct), buyer, start, now, options, ct);

    /// <inheritdoc cref="RequestAsync(ContractsDb, Guid, ClaimsPrincipal, DateOnly, DateTime, ContractsOptions, CancellationToken)"/>
    /// <param name="offer">The offer as <see cref="FindAsync"/> found it for the buyer, tracked.</param>
    /// <param name="peer">The connector, when one requests through the Dataspace Protocol.</param>
    public static async Task<Negotiation> RequestAsync(
        ContractsDb db, StandardOffer offer, ClaimsPrincipal buyer, DateOnly start, DateTime now, ContractsOptions options, CancellationToken ct, DspPeer? peer = null)
    {
        offer.EnsureActive();
        if (offer.ProviderOrganisationId == buyer.OrganisationIdOf())
        {
            // Said here, without the member OpenNegotiation names (datasetId), which this request does not send.
            throw new RuleViolationException("An organisation cannot request its own standard offer.");
        }

        Negotiation negotiation;
        try
        {
            negotiation = await OpenNegotiation.RunAsync(db, offer.DatasetId, buyer, offer.TermsFrom(start), offer.PriceKrw, now, options, renewalOf: null, ct, offer, peer);
        }
        catch (RuleViolationException e) when (e.Errors.Keys.All(k => k != "datasetId"))
        {
            var reason = e.Errors.Keys.Any(k => k.StartsWith("terms", StringComparison.Ordinal)) ? "terms-not-offered" : "outside-band";
            Withdraw(db, offer, reason, now);
            await db.SaveChangesAsync(ct);
            throw new ConflictException($"This standard offer is withdrawn: {e.Message}").With("status", "WITHDRAWN").With("withdrawalReason", reason);
        }

        return negotiation;
    }

    /// <summary>
    /// A baseline came into force: every active offer whose price its band no longer admits for the offer's terms is
    /// withdrawn (a baseline that takes effect later is met at the first request after it does).
    /// </summary>
    public static async Task WithdrawOutsideBandAsync(ContractsDb db, DateTime now, CancellationToken ct)
    {
        var active = await db.StandardOffers.Where(o => o.Status == StandardOfferStatus.Active).ToListAsync(ct);
        foreach (var offer in active)
        {
            var dataset = await db.DatasetCopies.AsNoTracking().FirstAsync(d => d.DatasetId == offer.DatasetId, ct);
            try
            {
                await PriceBands.CheckAsync(db, dataset, offer.Terms, offer.PriceKrw, now, ct);
            }
            catch (RuleViolationException)
            {
                Withdraw(db, offer, "outside-band", now);
            }
        }
    }

    /// <summary>The dataset left the marketplace (withdrawn or suspended): its active offers are withdrawn with that reason.</summary>
    public static async Task OnDatasetGoneAsync(ContractsDb db, Guid datasetId, string reason, DateTime now, CancellationToken ct)
    {
        foreach (var offer in await db.StandardOffers.Where(o => o.DatasetId == datasetId && o.Status == StandardOfferStatus.Active).ToListAsync(ct))
        {
            Withdraw(db, offer, reason, now);
        }
    }

    private static void Withdraw(ContractsDb db, StandardOffer offer, string reason, DateTime now)
    {
        if (offer.Withdraw(reason, now))
        {
            db.AddEvent(new StandardOfferWithdrawn(offer.Id, offer.DatasetId, offer.ProviderOrganisationId, reason, now));
        }
    }
}
