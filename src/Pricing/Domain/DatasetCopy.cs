using Marketplace.BuildingBlocks.Pricing;

namespace Marketplace.Pricing.Domain;

/// <summary>Pricing's own copy of a dataset's price inputs, fed by Catalog's events.</summary>
public sealed class DatasetCopy
{
    public Guid DatasetId { get; set; }

    public int Version { get; set; }

    public Guid ProviderOrganisationId { get; set; }

    public string? ProcessStage { get; set; }

    /// <summary>The first data type names the dataset's category.</summary>
    public string? DataType { get; set; }

    public long? RecordCount { get; set; }

    public DateOnly? CoverageFrom { get; set; }

    public DateOnly? CoverageTo { get; set; }

    public int MetadataScore { get; set; }

    public bool Labelled { get; set; }

    public bool ExclusivityAvailable { get; set; }

    /// <summary>Null for a public dataset; otherwise the organisations it is visible to.</summary>
    public Guid[]? VisibleTo { get; set; }

    /// <summary>False once withdrawn or while suspended: no quotes.</summary>
    public bool Listed { get; set; }

    public DateTime SyncedAt { get; set; }

    public DatasetPriceInputs PriceInputs =>
        new(RecordCount ?? 0, DatasetPriceInputs.HistoryMonthsOf(CoverageFrom, CoverageTo), MetadataScore, Labelled);

    public bool IsVisibleTo(Guid organisation, bool isAdmin) =>
        isAdmin || organisation == ProviderOrganisationId || VisibleTo is null || VisibleTo.Contains(organisation);
}
