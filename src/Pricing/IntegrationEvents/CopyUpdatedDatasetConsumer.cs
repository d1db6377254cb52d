using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Pricing.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Marketplace.Pricing.IntegrationEvents;

/// <summary>Pricing's dataset copy follows a dataset's new version, or its reinstatement.</summary>
public sealed class CopyUpdatedDatasetConsumer(PricingDb db, TimeProvider clock, ILogger<CopyUpdatedDatasetConsumer> logger)
    : InboxConsumer<DatasetUpdated, PricingDb>(db, clock, logger)
{
    protected override Task HandleAsync(DatasetUpdated message, CancellationToken ct) =>
        DatasetCopies.CopyAsync(Db, message.DatasetId, message.Version, message.ProviderOrganisationId, message.Facts, Clock.GetUtcNow().UtcDateTime, ct);
}
