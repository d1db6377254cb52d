using System.Text.Json;

namespace Marketplace.Catalog.Domain;

/// <summary>
/// Everything a provider says about a dataset: one immutable document per dataset version. Metadata
/// only; the synthetic preview is the nearest it comes to data, and it must be declared synthetic.
/// </summary>
public sealed record DatasetMetadata
{
    public string? TitleKo { get; init; }

    public string? TitleEn { get; init; }

    public string? DescriptionKo { get; init; }

    public string? DescriptionEn { get; init; }

    public string[] Keywords { get; init; } = [];

    public Classification Classification { get; init; } = new();

    public DataStructure Structure { get; init; } = new();

    public QualityIndicators Quality { get; init; } = new();

    public SyntheticPreview? Preview { get; init; }

    public OfferedTerms Terms { get; init; } = new();

    public Visibility Visibility { get; init; } = new();
}

/// <summary>Codes from <see cref="Taxonomy"/>; equipment type is free text.</summary>
public sealed record Classification
{
    public string? ProcessStage { get; init; }

    public int? Isa95Level { get; init; }

    public string? Industry { get; init; }

    public string[] DataTypes { get; init; } = [];

    public string? EquipmentType { get; init; }
}

public sealed record DataStructure
{
    public SchemaField[] Fields { get; init; } = [];

    public DateOnly? CoverageFrom { get; init; }

    public DateOnly? CoverageTo { get; init; }

    /// <summary>ISO 8601 duration between records, e.g. <c>PT1S</c>, <c>PT10M</c>, <c>P1D</c>.</summary>
    public string? SamplingInterval { get; init; }

    public long? RecordCount { get; init; }

    public long? SizeBytes { get; init; }

    public string[] Formats { get; init; } = [];

    public string? UpdateFrequency { get; init; }

    public string? CollectionMethod { get; init; }

    /// <summary>What was done to remove personal or confidential data; null when nothing was needed or said.</summary>
    public string? Anonymisation { get; init; }
}

public sealed record SchemaField(string? Name, string? Type, string? Unit = null, string? Description = null);

public sealed record QualityIndicators
{
    public decimal? CompletenessPercent { get; init; }

    public bool Labelled { get; init; }

    public string? LabelDescription { get; init; }

    public string? KnownIssues { get; init; }
}

/// <summary>At most 20 rows (a JSON array) or a short JSON sample, at most 64 KB, declared synthetic by the provider.</summary>
public sealed record SyntheticPreview
{
    public JsonElement Sample { get; init; }

    public bool DeclaredSynthetic { get; init; }
}

public sealed record OfferedTerms
{
    public string[] Purposes { get; init; } = [];

    public int? MinDurationMonths { get; init; }

    public int? MaxDurationMonths { get; init; }

    public bool ExclusivityAvailable { get; init; }

    /// <summary>Whole won (KRW); checked against the pricing band when a contract is negotiated.</summary>
    public decimal? AskingPriceKrw { get; init; }
}

/// <summary>Public, or restricted to the named organisations (a supply-chain partner list) and the provider.</summary>
public sealed record Visibility
{
    public bool Restricted { get; init; }

    public Guid[] Organisations { get; init; } = [];
}
