using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Marketplace.Contracts.IntegrationEvents;

/// <summary>Brings <see cref="DatasetCopy"/> to a dataset's new version (or its reinstatement).</summary>
public sealed class CopyUpdatedDatasetConsumer(ContractsDb db, TimeProvider clock, ILogger<CopyUpdatedDatasetConsumer> logger)
    : InboxConsumer<DatasetUpdated, ContractsDb>(db, clock, logger)
{
    protected override Task HandleAsync(DatasetUpdated message, CancellationToken ct) =>
        DatasetCopies.UpsertAsync(Db, message.DatasetId, Clock, copy => copy.Apply(
            message.Version, message.ProviderOrganisationId, message.TitleKo, message.TitleEn, message.Facts, message.UpdatedAt, Clock.GetUtcNow().UtcDateTime), ct);
}
