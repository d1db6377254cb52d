using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Pricing.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Marketplace.Pricing.IntegrationEvents;

/// <summary>Pricing's listing copy follows a newly published listing.</summary>
public sealed class ListPublishedDatasetConsumer(PricingDb db, TimeProvider clock, ILogger<ListPublishedDatasetConsumer> logger)
    : InboxConsumer<DatasetPublished, PricingDb>(db, clock, logger)
{
    protected override Task HandleAsync(DatasetPublished message, CancellationToken ct) =>
        ListingCopies.ListAsync(Db, message.DatasetId, message.Version, message.ProviderOrganisationId, message.Facts, Clock.GetUtcNow().UtcDateTime, ct);
}
