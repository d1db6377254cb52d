using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Pricing.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Marketplace.Pricing.IntegrationEvents;

/// <summary>Pricing's dataset copy follows a newly published dataset.</summary>
public sealed class CopyPublishedDatasetConsumer(PricingDb db, TimeProvider clock, ILogger<CopyPublishedDatasetConsumer> logger)
    : InboxConsumer<DatasetPublished, PricingDb>(db, clock, logger)
{
    protected override Task HandleAsync(DatasetPublished message, CancellationToken ct) =>
        DatasetCopies.CopyAsync(Db, message.DatasetId, message.Version, message.ProviderOrganisationId, message.Facts, Clock.GetUtcNow().UtcDateTime, ct);
}
