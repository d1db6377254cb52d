using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;

namespace Marketplace.Contracts.IntegrationEvents;

internal static class DatasetCopies
{
    /// <summary>Applies <paramref name="apply"/> to the listing's copy, creating the copy first if there is none.</summary>
    public static async Task UpsertAsync(ContractsDb db, Guid datasetId, TimeProvider clock, Action<DatasetCopy> apply, CancellationToken ct)
    {
        var copy = await db.Datasets.FindAsync([datasetId], ct);
        if (copy is null)
        {
            copy = new DatasetCopy { DatasetId = datasetId, SyncedAt = clock.GetUtcNow().UtcDateTime };
            db.Datasets.Add(copy);
        }

        apply(copy);
    }
}
