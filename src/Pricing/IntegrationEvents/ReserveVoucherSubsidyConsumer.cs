using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Pricing.Domain;
using Marketplace.Pricing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Pricing.IntegrationEvents;

/// <summary>
/// Sets aside one subsidy for a finalized agreement: from the covering programme that pays the buyer most
/// (<see cref="VoucherProgramme.BestFor"/>, the rule quotes show), never from two. Once per agreement: the
/// inbox drops a repeated event, and the reservation's key is the agreement, so no replay under another
/// message id adds a second. The programme rows are locked for the transaction on PostgreSQL, so concurrent
/// finalizations reserve one after another from the true remainder; the remainder's concurrency token and a
/// check constraint stand behind that.
/// </summary>
public sealed class ReserveVoucherSubsidyConsumer(PricingDb db, TimeProvider clock, ILogger<ReserveVoucherSubsidyConsumer> logger)
    : InboxConsumer<ContractFinalized, PricingDb>(db, clock, logger)
{
    protected override async Task HandleAsync(ContractFinalized message, CancellationToken ct)
    {
        if (await Db.VoucherReservations.AnyAsync(r => r.AgreementId == message.AgreementId, ct))
        {
            return;
        }

        var programmes = Db.IsPostgres
            ? await Db.VoucherProgrammes.FromSql($"SELECT * FROM voucher_programmes WHERE valid_from <= {message.FinalizedAt} AND valid_to > {message.FinalizedAt} ORDER BY id FOR UPDATE").ToListAsync(ct)
            : await Db.VoucherProgrammes.Where(p => p.ValidFrom <= message.FinalizedAt && p.ValidTo > message.FinalizedAt).ToListAsync(ct);
        var best = VoucherProgramme.BestFor(programmes, message.BuyerOrganisationId, message.BuyerIsSme, message.FinalizedAt, message.PriceKrw);
        if (best is not null)
        {
            Db.VoucherReservations.Add(best.Reserve(message.AgreementId, message.BuyerOrganisationId, message.PriceKrw, Clock.GetUtcNow().UtcDateTime));
        }
    }
}
