using Marketplace.BuildingBlocks.IntegrationEvents;

namespace Marketplace.Contracts.Domain;

/// <summary>Contracts' copy of a published baseline version (from <see cref="BaselinePublished"/>): bands are checked against it locally.</summary>
public sealed class BaselineCopy
{
    public Guid BaselineId { get; set; }

    public int Version { get; set; }

    /// <summary>Null with <see cref="DataType"/> null: the default baseline.</summary>
    public string? ProcessStage { get; set; }

    public string? DataType { get; set; }

    public decimal BasePrice { get; set; }

    public BaselineFactors Factors { get; set; } = null!;

    public DateTime EffectiveFrom { get; set; }

    public DateTime PublishedAt { get; set; }

    public static BaselineCopy From(BaselinePublished e) => new()
    {
        BaselineId = e.BaselineId,
        Version = e.Version,
        ProcessStage = e.ProcessStage,
        DataType = e.DataType,
        BasePrice = e.BasePrice,
        Factors = e.Factors,
        EffectiveFrom = e.EffectiveFrom,
        PublishedAt = e.PublishedAt,
    };
}
