using Marketplace.Contracts.Domain;

namespace Marketplace.Contracts.Apis;

public sealed record DatasetCopyResponse(
    Guid DatasetId, int Version, Guid ProviderOrganisationId, string? TitleKo, string? TitleEn, bool Listed, DateTime PublishedAt, DateTime SyncedAt)
{
    public static DatasetCopyResponse From(DatasetCopy d) =>
        new(d.DatasetId, d.Version, d.ProviderOrganisationId, d.TitleKo, d.TitleEn, d.Listed, d.PublishedAt, d.SyncedAt);
}
