using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Organisations;
using Marketplace.Catalog.Domain;

namespace Marketplace.Catalog.Apis;

/// <summary>A dataset as its readers see it. Only its provider and administrators see the partner list of a restricted dataset.</summary>
/// <param name="MetadataScoreGaps">The recommended items still empty (member paths); each filled one adds four points.</param>
public sealed record DatasetResponse(
    Guid Id,
    Guid ProviderOrganisationId,
    DatasetStatus Status,
    int Version,
    int MetadataScore,
    string[] MetadataScoreGaps,
    DateTime CreatedAt,
    DateTime? PublishedAt,
    DateTime UpdatedAt,
    string? SuspensionReason,
    DatasetMetadata Metadata)
{
    public static DatasetResponse From(Dataset d, bool mayManage) => new(
        d.Id, d.ProviderOrganisationId, d.Status, d.Version, d.MetadataScore, Domain.MetadataScore.Gaps(d.Metadata), d.CreatedAt, d.PublishedAt, d.UpdatedAt,
        mayManage ? d.SuspensionReason : null, Readable(d.Metadata, mayManage));

    public static DatasetMetadata Readable(DatasetMetadata metadata, bool mayManage) =>
        mayManage ? metadata : metadata with { Visibility = metadata.Visibility with { Organisations = [] } };
}

/// <summary>One search hit: enough to choose, without the schema and preview.</summary>
/// <param name="Provider">The provider, named in Korean and English (from Identity's events).</param>
public sealed record DatasetSummary(
    Guid Id,
    Guid ProviderOrganisationId,
    PartyName Provider,
    string? TitleKo,
    string? TitleEn,
    string? DescriptionKo,
    string? DescriptionEn,
    string[] Keywords,
    Classification Classification,
    string[] Formats,
    long? RecordCount,
    DateOnly? CoverageFrom,
    DateOnly? CoverageTo,
    decimal? AskingPriceKrw,
    bool Restricted,
    DatasetStatus Status,
    int Version,
    int MetadataScore,
    int Relevance,
    DateTime? PublishedAt,
    DateTime UpdatedAt)
{
    private const int DescriptionPreview = 300;

    public static DatasetSummary From(Dataset d, int relevance, IReadOnlyDictionary<Guid, PartyName> names) => new(
        d.Id, d.ProviderOrganisationId, names[d.ProviderOrganisationId], d.Metadata.TitleKo, d.Metadata.TitleEn, Shorten(d.Metadata.DescriptionKo), Shorten(d.Metadata.DescriptionEn),
        d.Metadata.Keywords, d.Metadata.Classification, d.Metadata.Structure.Formats, d.RecordCount, d.CoverageFrom, d.CoverageTo,
        d.Metadata.Terms.AskingPriceKrw, d.IsRestricted, d.Status, d.Version, d.MetadataScore, relevance, d.PublishedAt, d.UpdatedAt);

    private static string? Shorten(string? text) => text is { Length: > DescriptionPreview } ? text[..DescriptionPreview] + "…" : text;
}

public sealed record DatasetVersionSummary(int Version, int MetadataScore, string CreatedBy, DateTime CreatedAt);

public sealed record DatasetVersionResponse(Guid DatasetId, int Version, int MetadataScore, DateTime CreatedAt, DatasetMetadata Metadata);

public sealed record SuspendDatasetRequest(string? Reason)
{
    /// <summary>The reason its provider reads (400 when missing or too long).</summary>
    public string Validate()
    {
        new Validator()
            .Require(!string.IsNullOrWhiteSpace(Reason), "reason", "Say why the dataset is suspended; its provider reads it.")
            .MaxLength(Reason, DatasetLimits.TextLength, "reason")
            .ThrowIfInvalid();
        return Reason!;
    }
}
