using Marketplace.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.BuildingBlocks.Organisations;

public static class PartyNames
{
    /// <summary>The names this module knows for the organisations, in one query; an unknown one is named by its id only.</summary>
    public static async Task<IReadOnlyDictionary<Guid, PartyName>> LoadAsync(ModuleDbContext db, IEnumerable<Guid> organisations, CancellationToken ct)
    {
        var ids = organisations.Distinct().ToList();
        var known = await db.OrganisationNames.AsNoTracking().Where(o => ids.Contains(o.OrganisationId)).ToDictionaryAsync(o => o.OrganisationId, ct);
        return ids.ToDictionary(id => id, id => known.TryGetValue(id, out var n) ? new PartyName(id, n.NameKo, n.NameEn) : new PartyName(id, null, null));
    }
}
