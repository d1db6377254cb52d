using Marketplace.BuildingBlocks.IntegrationEvents;
using Marketplace.BuildingBlocks.Pricing;

namespace Marketplace.Contracts.Domain;

/// <summary>
/// Contracts' local copy of a published dataset, fed by Catalog's events, so a negotiation can be
/// checked without asking Catalog (which may be down) or reading its database (which it owns).
/// </summary>
public sealed class DatasetCopy
{
    public Guid DatasetId { get; set; }

    public int Version { get; set; }

    public Guid ProviderOrganisationId { get; set; }

    public string? TitleKo { get; set; }

    public string? TitleEn { get; set; }

    /// <summary>Category, price inputs, offered terms and visibility of the version this copy holds.</summary>
    public DatasetFacts Facts { get; set; } = null!;

    /// <summary>False once withdrawn or while suspended: no new negotiations.</summary>
    public bool Listed { get; set; }

    /// <summary>When Catalog published the version this copy holds.</summary>
    public DateTime PublishedAt { get; set; }

    /// <summary>When this copy last changed here; with <see cref="PublishedAt"/> it shows how stale a copy can be.</summary>
    public DateTime SyncedAt { get; set; }

    /// <summary>Takes a dataset version unless this copy already holds a newer one (versions can arrive out of order).</summary>
    public void Apply(int version, Guid provider, string? titleKo, string? titleEn, DatasetFacts facts, DateTime publishedAt, DateTime now)
    {
        // Version 0 is a copy just created; a reinstated dataset repeats its version and is applied again.
        if (Version > version)
        {
            return;
        }

        Version = version;
        ProviderOrganisationId = provider;
        TitleKo = titleKo;
        TitleEn = titleEn;
        Facts = facts;
        Listed = true;
        PublishedAt = publishedAt;
        SyncedAt = now;
    }

    /// <summary>Takes the dataset off the marketplace, unless this copy already holds a newer version.</summary>
    public bool Unlist(int version, DateTime now)
    {
        if (Version > version)
        {
            return false;
        }

        Listed = false;
        SyncedAt = now;
        return true;
    }

    /// <summary>The provider, and everyone unless the dataset names the organisations it is visible to.</summary>
    public bool IsVisibleTo(Guid organisation) =>
        organisation == ProviderOrganisationId || Facts.VisibleTo is null || Facts.VisibleTo.Contains(organisation);

    public DatasetPriceInputs PriceInputs => new(
        Facts.RecordCount ?? 0, DatasetPriceInputs.HistoryMonthsOf(Facts.CoverageFrom, Facts.CoverageTo), Facts.MetadataScore, Facts.Labelled);

    /// <summary>The first data type names the dataset's category, as in Pricing.</summary>
    public string? DataType => Facts.DataTypes.FirstOrDefault();
}
