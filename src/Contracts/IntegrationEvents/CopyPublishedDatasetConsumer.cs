using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Marketplace.Contracts.IntegrationEvents;

/// <summary>Adds a newly published dataset to <see cref="DatasetCopy"/>.</summary>
public sealed class CopyPublishedDatasetConsumer(ContractsDb db, TimeProvider clock, ILogger<CopyPublishedDatasetConsumer> logger)
    : InboxConsumer<DatasetPublished, ContractsDb>(db, clock, logger)
{
    protected override Task HandleAsync(DatasetPublished message, CancellationToken ct) =>
        DatasetCopies.UpsertAsync(Db, message.DatasetId, Clock, copy => copy.Apply(
            message.Version, message.ProviderOrganisationId, message.TitleKo, message.TitleEn, message.Facts, message.PublishedAt, Clock.GetUtcNow().UtcDateTime), ct);
}
