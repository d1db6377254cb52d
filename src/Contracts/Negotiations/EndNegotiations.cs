using Marketplace.Contracts.Domain;
using Marketplace.Contracts.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Contracts.Negotiations;

/// <summary>
/// The platform ends negotiations nobody ended: those overdue (<see cref="NegotiationExpiry"/>, and whenever someone
/// acts on one) and those on a dataset that left the marketplace. Finalized agreements stay in force.
/// </summary>
public static class EndNegotiations
{
    /// <summary>Expires every overdue negotiation, a batch per transaction; returns how many ended.</summary>
    public static async Task<int> ExpireOverdueAsync(ContractsDb db, DateTime now, CancellationToken ct)
    {
        var ended = 0;
        while (true)
        {
            var due = await db.Negotiations.Where(n => n.DueAt != null && n.DueAt <= now).OrderBy(n => n.DueAt).Take(100).ToListAsync(ct);
            foreach (var n in due.Where(n => n.ExpireIfDue(now)))
            {
                await RecordAsync(db, n, now, ct);
                ended++;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (due.Count < 100)
            {
                return ended;
            }
        }
    }

    /// <summary>
    /// The dataset (at <paramref name="version"/>) was withdrawn or suspended: its copy is unlisted, so no new
    /// negotiation starts, every open one ends with <paramref name="reason"/>, and its standard offers are withdrawn. An event older than the copy changes nothing.
    /// </summary>
    public static async Task OnDatasetGoneAsync(ContractsDb db, Guid datasetId, int version, string reason, DateTime now, CancellationToken ct)
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
            await RecordAsync(db, n, now, ct);
        }

        await StandardOffers.OnDatasetGoneAsync(db, datasetId, reason, now, ct);
    }

    /// <summary>What a negotiation the platform ended leaves behind: its draft agreement terminated, and the event.</summary>
    internal static async Task RecordAsync(ContractsDb db, Negotiation n, DateTime now, CancellationToken ct)
    {
        var agreement = n.AgreementId is { } id ? await db.Agreements.FirstAsync(a => a.Id == id, ct) : null;
        agreement?.Terminate("platform", n.TerminationReason!, now);
        NegotiationEvents.Record(db, n, NegotiationEvents.Terminated(n, agreement, "platform", n.TerminationReason!, now));
    }
}
