namespace Marketplace.Catalog.Apis;

/// <param name="Total">Datasets matching the query and filters (that the caller may see).</param>
/// <param name="Facets">Per facet, its values among those datasets with their counts, largest first.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> with the same query for the next page; null on the last page.</param>
public sealed record SearchResponse(
    IReadOnlyList<DatasetSummary> Items, int Total, IReadOnlyDictionary<string, FacetValue[]> Facets, string? NextCursor);

/// <param name="LabelKo">The vocabulary's label; null for free-text values (equipment types without a suggestion).</param>
public sealed record FacetValue(string Value, string? LabelKo, string? LabelEn, int Count);

