using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Messaging;
using Marketplace.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Organisations;

/// <summary>Every module's copy of organisations' names, upserted from each <see cref="OrganisationStatusChanged"/> that carries them.</summary>
public sealed class KeepOrganisationNamesConsumer<TDb>(TDb db, TimeProvider clock, ILogger<KeepOrganisationNamesConsumer<TDb>> logger)
    : InboxConsumer<OrganisationStatusChanged, TDb>(db, clock, logger) where TDb : ModuleDbContext
{
    protected override async Task HandleAsync(OrganisationStatusChanged message, CancellationToken ct)
    {
        if (message.NameKo is null && message.NameEn is null)
        {
            return;
        }

        var row = await Db.OrganisationNames.FirstOrDefaultAsync(o => o.OrganisationId == message.OrganisationId, ct);
        if (row is null)
        {
            Db.OrganisationNames.Add(row = new OrganisationName { OrganisationId = message.OrganisationId });
        }

        (row.NameKo, row.NameEn) = (message.NameKo, message.NameEn);
    }
}
