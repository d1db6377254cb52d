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

    /// <summary>When Catalog published the version this copy holds.</summary>
    public DateTime PublishedAt { get; set; }

    /// <summary>When this copy last changed here; with <see cref="PublishedAt"/> it shows how stale a copy can be.</summary>
    public DateTime SyncedAt { get; set; }

    /// <summary>Takes a listing version unless this copy already holds a newer one (versions can arrive out of order).</summary>
    public void Apply(int version, Guid provider, string? titleKo, string? titleEn, DateTime publishedAt, DateTime now)
    {
        // Version 0 is a copy just created; a reinstated listing repeats its version and is applied again.
        if (Version > version)
        {
            return;
        }

        Version = version;
        ProviderOrganisationId = provider;
        TitleKo = titleKo;
        TitleEn = titleEn;
        PublishedAt = publishedAt;
        SyncedAt = now;
    }
}
