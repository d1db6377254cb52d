using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;

namespace Marketplace.Contracts.IntegrationEvents;

internal static class DatasetCopies
{
    /// <summary>Applies <paramref name="apply"/> to the dataset's copy, creating the copy first if there is none.</summary>
    public static async Task UpsertAsync(ContractsDb db, Guid datasetId, TimeProvider clock, Action<DatasetCopy> apply, CancellationToken ct)
    {
        var copy = await db.DatasetCopies.FindAsync([datasetId], ct);
        if (copy is null)
        {
            copy = new DatasetCopy { DatasetId = datasetId, SyncedAt = clock.GetUtcNow().UtcDateTime };
            db.DatasetCopies.Add(copy);
        }

        apply(copy);
    }
}
