using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Contracts.IntegrationEvents;

internal static class ListingEnd
{
    /// <summary>
    /// The dataset left the marketplace: no new negotiations, and every open one on it ends (the platform
    /// terminates it with <paramref name="reason"/>). Finalized agreements stay in force.
    /// </summary>
    public static async Task ApplyAsync(ContractsDb db, Guid datasetId, int version, string reason, DateTime now, CancellationToken ct)
    {
        if (await db.DatasetCopies.FindAsync([datasetId], ct) is { } copy && !copy.Unlist(version, now))
        {
            return;
        }

        var open = await db.Negotiations
            .Where(n => n.DatasetId == datasetId && n.State != NegotiationState.Finalized && n.State != NegotiationState.Terminated)
            .ToListAsync(ct);
        foreach (var n in open.Where(n => n.EndByPlatform(reason, now)))
        {
            await NegotiationExpiry.RecordAsync(db, n, now, ct);
        }
    }
}
