using System.Security.Claims;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Security;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Contracts.Negotiations;

/// <summary>
/// A party takes a step in a negotiation (offer, counter, accept, agree, verify, finalize, terminate). Every step
/// loads the negotiation for a party (404 for anyone else), ends it first if its deadline passed, checks the step is
/// the acting party's to take in this state (<see cref="NegotiationRules"/>, 409 otherwise), applies it, and saves
/// it with its event in one transaction; a concurrent change fails the save on the revision (409).
/// </summary>
public static class NegotiationSteps
{
    /// <summary>
    /// An offer (provider) or a counter (buyer): the proposal on the table with the request's changes (a null
    /// <paramref name="newPrice"/> keeps the price), checked against the band in force now.
    /// </summary>
    public static Task<Negotiation> ProposeAsync(
        ContractsDb db, Guid id, ClaimsPrincipal user, NegotiationAction action, ContractTermsRequest? changes, decimal? newPrice, DateTime now,
        ContractsOptions options, CancellationToken ct) =>
        TakeAsync(db, id, user, action, now, async (n, party) =>
        {
            var price = newPrice ?? n.PriceKrw;
            var terms = ProposedTerms.Resolve(changes, n.Terms, price, DateOnly.FromDateTime(now), currentPrice: n.PriceKrw);
            var dataset = await db.DatasetCopies.AsNoTracking().FirstAsync(d => d.DatasetId == n.DatasetId, ct);
            ProposedTerms.EnsureOffered(terms, dataset);
            // The band of the baseline version in force now: a version published mid-negotiation applies to new proposals.
            var check = await PriceBands.CheckAsync(db, dataset, terms, price, now, ct);
            if (action == NegotiationAction.Offer)
            {
                n.Offer(party, user.SubjectOf(), terms, price, check, now, options.ResponsePeriod);
            }
            else
            {
                n.Counter(party, user.SubjectOf(), terms, price, check, now, options.ResponsePeriod);
            }

            return null;
        }, ct);

    public static Task<Negotiation> AcceptAsync(ContractsDb db, Guid id, ClaimsPrincipal user, DateTime now, ContractsOptions options, CancellationToken ct) =>
        TakeAsync(db, id, user, NegotiationAction.Accept, now, (n, party) =>
        {
            n.Accept(party, user.SubjectOf(), now, options.ResponsePeriod);
            return Task.FromResult<Agreement?>(null);
        }, ct);

    /// <summary>
    /// The provider agrees: the agreement is drafted from the proposal on the table (the buyer's request, or the offer it
    /// accepted) as canonical JSON, hashed and signed by the
    /// provider. With <paramref name="readHash"/> (the hash of the draft the provider read) a draft that has changed since
    /// answers 409 with the current hash, so the provider signs what it read.
    /// </summary>
    public static Task<Negotiation> AgreeAsync(
        ContractsDb db, Guid id, ClaimsPrincipal user, string? readHash, DateTime now, ContractsOptions options, CancellationToken ct) =>
        TakeAsync(db, id, user, NegotiationAction.Agree, now, async (n, party) =>
        {
            var (agreement, _) = await AgreementDrafts.DraftAsync(db, n, ct);
            agreement.SignByProvider(new Signature(user.OrganisationIdOf(), user.SubjectOf(), now), readHash);
            n.Agree(party, user.SubjectOf(), agreement.Id, agreement.Hash, now, options.ResponsePeriod);
            db.Agreements.Add(agreement);
            return agreement;
        }, ct);

    /// <summary>The buyer verifies and signs the agreement whose hash it names (another hash: 409 with the current one).</summary>
    public static Task<Negotiation> VerifyAsync(ContractsDb db, Guid id, ClaimsPrincipal user, string hash, DateTime now, ContractsOptions options, CancellationToken ct) =>
        TakeAsync(db, id, user, NegotiationAction.Verify, now, async (n, party) =>
        {
            var agreement = await db.Agreements.FirstAsync(a => a.Id == n.AgreementId, ct);
            agreement.SignByBuyer(new Signature(user.OrganisationIdOf(), user.SubjectOf(), now), hash);
            n.Verify(party, user.SubjectOf(), now, options.ResponsePeriod);
            return agreement;
        }, ct);

    /// <summary>Either party asks the platform to finalize a verified agreement: it adds its signed receipt.</summary>
    public static Task<Negotiation> FinalizeAsync(ContractsDb db, Guid id, ClaimsPrincipal user, PlatformSigner signer, DateTime now, CancellationToken ct) =>
        TakeAsync(db, id, user, NegotiationAction.Finalize, now, async (n, party) =>
        {
            var agreement = await db.Agreements.FirstAsync(a => a.Id == n.AgreementId, ct);
            n.Finalize(party, user.SubjectOf(), now);
            agreement.Finalize(await signer.ReceiptAsync(agreement, now, ct), now);
            return agreement;
        }, ct);

    /// <summary>Either party ends the negotiation before FINALIZED; a drafted agreement ends with it.</summary>
    public static Task<Negotiation> TerminateAsync(ContractsDb db, Guid id, ClaimsPrincipal user, string reason, DateTime now, CancellationToken ct) =>
        TakeAsync(db, id, user, NegotiationAction.Terminate, now, async (n, party) =>
        {
            n.Terminate(party, user.SubjectOf(), reason, now);
            var agreement = n.AgreementId is { } a ? await db.Agreements.FirstAsync(x => x.Id == a, ct) : null;
            agreement?.Terminate(party.ToString().ToLowerInvariant(), reason, now);
            return agreement;
        }, ct);

    private static async Task<Negotiation> TakeAsync(
        ContractsDb db, Guid id, ClaimsPrincipal user, NegotiationAction action, DateTime now, Func<Negotiation, Party, Task<Agreement?>> apply,
        CancellationToken ct)
    {
        var n = await db.Negotiations.FirstOrDefaultAsync(x => x.Id == id, ct);
        var party = n?.PartyOf(user.OrganisationIdOf()) ?? throw new NotFoundException("Negotiation", id);
        if (n!.ExpireIfDue(now))
        {
            await EndNegotiations.RecordAsync(db, n, now, ct);
            await db.SaveChangesAsync(ct);
        }

        n.EnsureAllowed(action, party);
        var participant = user.FindFirst(MarketplaceClaims.DspParticipant)?.Value;
        n.EnsureConnectorLeads(action, party, participant);
        var agreement = await apply(n, party);
        var dataset = n.State == NegotiationState.Finalized ? await db.DatasetCopies.AsNoTracking().FirstOrDefaultAsync(d => d.DatasetId == n.DatasetId, ct) : null;
        NegotiationEvents.Record(db, n, agreement, dataset, participant);
        await db.SaveChangesAsync(ct);
        return n;
    }
}
