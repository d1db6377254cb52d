using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Pricing.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Marketplace.Pricing.IntegrationEvents;

/// <summary>Pricing's dataset copy follows a withdrawn dataset (no more quotes).</summary>
public sealed class UnlistWithdrawnDatasetConsumer(PricingDb db, TimeProvider clock, ILogger<UnlistWithdrawnDatasetConsumer> logger)
    : InboxConsumer<DatasetWithdrawn, PricingDb>(db, clock, logger)
{
    protected override Task HandleAsync(DatasetWithdrawn message, CancellationToken ct) =>
        DatasetCopies.UnlistAsync(Db, message.DatasetId, message.Version, Clock.GetUtcNow().UtcDateTime, ct);
}
