using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Marketplace.Contracts.IntegrationEvents;

/// <summary>Keeps <see cref="DatasetCopy"/> in step with Catalog's published listings.</summary>
public sealed class UpsertDatasetReadModelConsumer(ContractsDb db, TimeProvider clock, ILogger<UpsertDatasetReadModelConsumer> logger)
    : InboxConsumer<DatasetPublished, ContractsDb>(db, clock, logger)
{
    protected override async Task HandleAsync(DatasetPublished message, CancellationToken ct)
    {
        var copy = await Db.Datasets.FindAsync([message.DatasetId], ct);
        if (copy is null)
        {
            copy = new DatasetCopy { DatasetId = message.DatasetId };
            Db.Datasets.Add(copy);
        }
        else if (copy.Version >= message.Version)
        {
            // Versions can arrive out of order; an older one never overwrites a newer copy.
            return;
        }

        copy.Version = message.Version;
        copy.ProviderOrganisationId = message.ProviderOrganisationId;
        copy.TitleKo = message.TitleKo;
        copy.TitleEn = message.TitleEn;
        copy.PublishedAt = message.PublishedAt;
        copy.SyncedAt = Clock.GetUtcNow().UtcDateTime;
    }
}
