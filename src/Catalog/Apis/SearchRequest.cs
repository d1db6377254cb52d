using Marketplace.BuildingBlocks.Errors;
using Marketplace.Catalog.Domain;
using Marketplace.Catalog.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Catalog.Apis;

/// <summary>
/// Query string of <c>GET /api/catalog/datasets</c>. Repeat a facet parameter to accept several values
/// (<c>dataType=a&amp;dataType=b</c>). <c>limit</c> is capped at 100.
/// </summary>
public sealed record SearchRequest(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "processStage")] string[]? ProcessStage,
    [FromQuery(Name = "isa95Level")] string[]? Isa95Level,
    [FromQuery(Name = "industry")] string[]? Industry,
    [FromQuery(Name = "dataType")] string[]? DataType,
    [FromQuery(Name = "format")] string[]? Format,
    [FromQuery(Name = "equipmentType")] string[]? EquipmentType,
    [FromQuery(Name = "minRecords")] long? MinRecords,
    [FromQuery(Name = "maxRecords")] long? MaxRecords,
    [FromQuery(Name = "coverageFrom")] DateOnly? CoverageFrom,
    [FromQuery(Name = "coverageTo")] DateOnly? CoverageTo,
    [FromQuery(Name = "updatedSince")] DateTime? UpdatedSince,
    [FromQuery(Name = "provider")] Guid? Provider,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "limit")] int? Limit,
    [FromQuery(Name = "cursor")] string? Cursor)
{
    public const int MaxLimit = 100;
    public const int DefaultLimit = 20;

    public SearchCriteria ToCriteria()
    {
        var tokens = SearchTokens.Of(Q).Distinct().ToList();
        var sort = Sort?.ToLowerInvariant() switch
        {
            null or "" => tokens.Count > 0 ? SearchSort.Relevance : SearchSort.Newest,
            "relevance" => SearchSort.Relevance,
            "newest" => SearchSort.Newest,
            "metadatascore" => SearchSort.MetadataScore,
            _ => (SearchSort?)null,
        };
        var equipment = EquipmentType?.Select(Facets.EquipmentTypeValue).OfType<string>().ToArray();
        var facets = new Dictionary<string, string[]?>
        {
            [Facets.ProcessStage] = ProcessStage,
            [Facets.Isa95Level] = Isa95Level,
            [Facets.Industry] = Industry,
            [Facets.DataType] = DataType,
            [Facets.Format] = Format,
            [Facets.EquipmentType] = equipment,
        };

        new Validator()
            .Require(Q is null || Q.Length <= 200, "q", "At most 200 characters.")
            .Require(string.IsNullOrWhiteSpace(Q) || tokens.Count > 0, "q", "Has no words to search for.")
            .Require(tokens.Count <= 30, "q", "Too many words; use at most 30.")
            .Require(sort is not null, "sort", "Must be relevance, newest or metadataScore.")
            .Require(Limit is null or >= 1, "limit", "Must be at least 1.")
            .Require(MinRecords is null or >= 0, "minRecords", "Must not be negative.")
            .Require(MinRecords is null || MaxRecords is null || MinRecords <= MaxRecords, "maxRecords", "Must not be below minRecords.")
            .Require(CoverageFrom is null || CoverageTo is null || CoverageFrom <= CoverageTo, "coverageTo", "Must not be before coverageFrom.")
            .Require(Known(ProcessStage, Taxonomy.ProcessStages), "processStage", "Unknown process stage (GET /api/catalog/taxonomy).")
            .Require(Known(Isa95Level, Taxonomy.Isa95Levels), "isa95Level", "Must be 0 to 4.")
            .Require(Known(Industry, Taxonomy.Industries), "industry", "Must be a KSIC manufacturing division, C10 to C34.")
            .Require(Known(DataType, Taxonomy.DataTypes), "dataType", "Unknown data type (GET /api/catalog/taxonomy).")
            .Require(Known(Format, Taxonomy.Formats), "format", "Unknown format (GET /api/catalog/taxonomy).")
            .Require(EquipmentType is null || EquipmentType.All(e => e.Length <= 100), "equipmentType", "At most 100 characters.")
            .ThrowIfInvalid();

        return new SearchCriteria
        {
            Tokens = tokens,
            Facets = facets.Where(f => f.Value is { Length: > 0 }).ToDictionary(f => f.Key, f => f.Value!.Distinct().ToArray()),
            MinRecords = MinRecords,
            MaxRecords = MaxRecords,
            CoverageFrom = CoverageFrom,
            CoverageTo = CoverageTo,
            UpdatedSince = UpdatedSince?.ToUniversalTime(),
            Provider = Provider,
            Sort = sort!.Value,
            Limit = Math.Min(Limit ?? DefaultLimit, MaxLimit),
        };
    }

    private static bool Known(string[]? values, IReadOnlyList<Term> vocabulary) =>
        values is null || (values.Length <= 50 && values.All(v => Taxonomy.IsKnown(vocabulary, v)));
}
