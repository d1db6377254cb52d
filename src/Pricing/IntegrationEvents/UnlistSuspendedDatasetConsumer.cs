using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Pricing.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Marketplace.Pricing.IntegrationEvents;

/// <summary>Pricing's dataset copy follows a suspended dataset (no quotes until reinstated).</summary>
public sealed class UnlistSuspendedDatasetConsumer(PricingDb db, TimeProvider clock, ILogger<UnlistSuspendedDatasetConsumer> logger)
    : InboxConsumer<DatasetSuspended, PricingDb>(db, clock, logger)
{
    protected override Task HandleAsync(DatasetSuspended message, CancellationToken ct) =>
        DatasetCopies.UnlistAsync(Db, message.DatasetId, message.Version, Clock.GetUtcNow().UtcDateTime, ct);
}
