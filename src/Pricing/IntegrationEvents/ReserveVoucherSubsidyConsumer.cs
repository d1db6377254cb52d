using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Pricing.Domain;
using Marketplace.Pricing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Pricing.IntegrationEvents;

/// <summary>
/// Sets aside the subsidy of every voucher programme that covers a finalized agreement's buyer, once per
/// agreement (the inbox, and the reservation's key). The programme rows are locked for the transaction
/// on PostgreSQL, so concurrent finalizations reserve one after another from the true remainder; the
/// remainder's concurrency token and a check constraint stand behind that.
/// </summary>
public sealed class ReserveVoucherSubsidyConsumer(PricingDb db, TimeProvider clock, ILogger<ReserveVoucherSubsidyConsumer> logger)
    : InboxConsumer<ContractFinalized, PricingDb>(db, clock, logger)
{
    protected override async Task HandleAsync(ContractFinalized message, CancellationToken ct)
    {
        var programmes = Db.IsPostgres
            ? await Db.VoucherProgrammes.FromSql($"SELECT * FROM voucher_programmes WHERE valid_from <= {message.FinalizedAt} AND valid_to > {message.FinalizedAt} ORDER BY id FOR UPDATE").ToListAsync(ct)
            : await Db.VoucherProgrammes.Where(p => p.ValidFrom <= message.FinalizedAt && p.ValidTo > message.FinalizedAt).ToListAsync(ct);
        var already = await Db.VoucherReservations.Where(r => r.AgreementId == message.AgreementId).Select(r => r.ProgrammeId).ToListAsync(ct);
        foreach (var programme in programmes.Where(p => p.Covers(message.BuyerOrganisationId, message.BuyerIsSme, message.FinalizedAt) && !already.Contains(p.Id)))
        {
            if (programme.SubsidyFor(message.PriceKrw) > 0)
            {
                Db.VoucherReservations.Add(programme.Reserve(message.AgreementId, message.BuyerOrganisationId, message.PriceKrw, Clock.GetUtcNow().UtcDateTime));
            }
        }
    }
}
