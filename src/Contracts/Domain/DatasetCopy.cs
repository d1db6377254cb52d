namespace Marketplace.Contracts.Domain;

/// <summary>
/// Contracts' local copy of a published listing, fed by Catalog's events, so a negotiation can be
/// checked without asking Catalog (which may be down) or reading its database (which it owns).
/// </summary>
public sealed class DatasetCopy
{
    public Guid DatasetId { get; set; }

    public int Version { get; set; }

    public Guid ProviderOrganisationId { get; set; }

    public string? TitleKo { get; set; }

    public string? TitleEn { get; set; }

    public DateTime PublishedAt { get; set; }

    /// <summary>When this copy last changed here; with <see cref="PublishedAt"/> it shows how stale a copy can be.</summary>
    public DateTime SyncedAt { get; set; }
}
