using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Pricing.Domain;
using Marketplace.Pricing.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Marketplace.Pricing.IntegrationEvents;

/// <summary>Adds a finalized agreement to the market statistics: its price per reference unit and whether it sat at a band edge.</summary>
public sealed class RecordAgreementConsumer(PricingDb db, TimeProvider clock, ILogger<RecordAgreementConsumer> logger)
    : InboxConsumer<ContractFinalized, PricingDb>(db, clock, logger)
{
    protected override async Task HandleAsync(ContractFinalized m, CancellationToken ct)
    {
        if (await Db.Agreements.FindAsync([m.AgreementId], ct) is not null || m.ReferencePriceKrw <= 0)
        {
            return;
        }

        // The agreed price brought back to one reference unit (one dataset, 12 months, non-exclusive,
        // internal operations) by the same factors the baseline priced the agreed terms with.
        var perReferenceUnit = decimal.Round(m.PriceKrw * m.BasePriceKrw / m.ReferencePriceKrw, 2);
        Db.Agreements.Add(new AgreementRecord(m.AgreementId, m.ProcessStage, m.DataType, perReferenceUnit,
            m.PriceKrw <= m.BandFloorKrw, m.PriceKrw >= m.BandCeilingKrw, m.FinalizedAt));
    }
}
