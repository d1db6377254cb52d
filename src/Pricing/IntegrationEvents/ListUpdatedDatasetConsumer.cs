using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Pricing.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Marketplace.Pricing.IntegrationEvents;

/// <summary>Pricing's listing copy follows a listing's new version, or its reinstatement.</summary>
public sealed class ListUpdatedDatasetConsumer(PricingDb db, TimeProvider clock, ILogger<ListUpdatedDatasetConsumer> logger)
    : InboxConsumer<DatasetUpdated, PricingDb>(db, clock, logger)
{
    protected override Task HandleAsync(DatasetUpdated message, CancellationToken ct) =>
        ListingCopies.ListAsync(Db, message.DatasetId, message.Version, message.ProviderOrganisationId, message.Facts, Clock.GetUtcNow().UtcDateTime, ct);
}
