namespace Marketplace.BuildingBlocks.IntegrationEvents;

/// <summary>
/// What other modules need to know of a dataset version: its category for pricing (process stage ×
/// data type), the inputs of the price factors, the offered terms, and who may see it.
/// </summary>
/// <param name="MetadataScore">How well the dataset is described, 0–100 (not the data's completeness, which the dataset
/// declares in its quality indicators). Named completenessScore on the wire: events already written keep their meaning.</param>
/// <param name="VisibleTo">Null for a public dataset; otherwise the only organisations (besides the provider) that may see and negotiate it.</param>
public sealed record DatasetFacts(
    string? ProcessStage,
    string[] DataTypes,
    string? Industry,
    long? RecordCount,
    long? SizeBytes,
    DateOnly? CoverageFrom,
    DateOnly? CoverageTo,
    [property: System.Text.Json.Serialization.JsonPropertyName("completenessScore")] int MetadataScore,
    bool Labelled,
    string[] Purposes,
    int? MinDurationMonths,
    int? MaxDurationMonths,
    bool ExclusivityAvailable,
    decimal? AskingPriceKrw,
    Guid[]? VisibleTo);
