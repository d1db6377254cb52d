using Marketplace.Catalog.Domain;

namespace Marketplace.Catalog.Apis;

public sealed record DatasetResponse(
    Guid Id,
    Guid ProviderOrganisationId,
    string? TitleKo,
    string? TitleEn,
    DatasetStatus Status,
    int Version,
    DateTime CreatedAt,
    DateTime? PublishedAt)
{
    public static DatasetResponse From(Dataset d) =>
        new(d.Id, d.ProviderOrganisationId, d.TitleKo, d.TitleEn, d.Status, d.Version, d.CreatedAt, d.PublishedAt);
}
