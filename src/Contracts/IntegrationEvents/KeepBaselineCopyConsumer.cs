using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Marketplace.Contracts.Negotiations;
using Microsoft.Extensions.Logging;

namespace Marketplace.Contracts.IntegrationEvents;

/// <summary>
/// Keeps every published baseline version (they never change), so bands are checked here, at any moment. A version in
/// force at once withdraws the standard offers whose price its band no longer admits.
/// </summary>
public sealed class KeepBaselineCopyConsumer(ContractsDb db, TimeProvider clock, ILogger<KeepBaselineCopyConsumer> logger)
    : InboxConsumer<BaselinePublished, ContractsDb>(db, clock, logger)
{
    protected override async Task HandleAsync(BaselinePublished message, CancellationToken ct)
    {
        if (await Db.Baselines.FindAsync([message.BaselineId, message.Version], ct) is null)
        {
            Db.Baselines.Add(BaselineCopy.From(message));
            var now = Clock.GetUtcNow().UtcDateTime;
            if (message.EffectiveFrom <= now)
            {
                await Db.SaveChangesAsync(ct);
                await StandardOffers.WithdrawOutsideBandAsync(Db, now, ct);
            }
        }
    }
}
