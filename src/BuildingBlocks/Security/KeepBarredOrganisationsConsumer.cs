using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Security;

/// <summary>Every module's copy of who is barred: upserted or removed per <see cref="OrganisationStatusChanged"/>.</summary>
public sealed class KeepBarredOrganisationsConsumer<TDb>(TDb db, BarredOrganisations barred, TimeProvider clock, ILogger<KeepBarredOrganisationsConsumer<TDb>> logger)
    : InboxConsumer<OrganisationStatusChanged, TDb>(db, clock, logger) where TDb : ModuleDbContext
{
    protected override async Task HandleAsync(OrganisationStatusChanged message, CancellationToken ct)
    {
        var row = await Db.BarredOrganisations.FirstOrDefaultAsync(o => o.OrganisationId == message.OrganisationId, ct);
        if (message.Barred && row is null)
        {
            Db.BarredOrganisations.Add(new BarredOrganisation { OrganisationId = message.OrganisationId, Status = message.Status, Since = message.ChangedAt });
        }
        else if (message.Barred)
        {
            row!.Status = message.Status;
        }
        else if (row is not null)
        {
            Db.BarredOrganisations.Remove(row);
        }

        // Ahead of the commit at worst by a moment; a failed attempt is retried to the same state.
        barred.Apply(message.OrganisationId, message.Status, message.Barred);
    }
}
