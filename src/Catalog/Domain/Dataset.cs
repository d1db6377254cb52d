using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.IntegrationEvents;

namespace Marketplace.Catalog.Domain;

/// <summary>
/// A provider's dataset of one production dataset: its current metadata document, the immutable
/// versions it was published in, and the columns search filters, counts and sorts on (kept in step with the
/// document on every change). Metadata only: the data never comes here.
/// </summary>
public sealed class Dataset
{
    private readonly List<DatasetVersion> _versions = [];
    private readonly List<DatasetAccess> _access = [];

    private Dataset()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProviderOrganisationId { get; private set; }

    public DatasetStatus Status { get; private set; }

    /// <summary>Version of <see cref="Metadata"/>: 1 until published, then one more for every edit of a published dataset.</summary>
    public int Version { get; private set; }

    /// <summary>Changes with every write; two concurrent writes cannot both succeed.</summary>
    public int Revision { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>First publication; "newest" sorts by it, so edits never move a dataset while someone pages.</summary>
    public DateTime? PublishedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public string? SuspensionReason { get; private set; }

    public DatasetMetadata Metadata { get; private set; } = new();

    public string? TitleKo { get; private set; }

    public string? TitleEn { get; private set; }

    public int MetadataScore { get; private set; }

    public long? RecordCount { get; private set; }

    public DateOnly? CoverageFrom { get; private set; }

    public DateOnly? CoverageTo { get; private set; }

    public bool IsRestricted { get; private set; }

    /// <summary>Search tokens (<see cref="SearchTokens"/>) of titles, descriptions, keywords, field names and equipment.</summary>
    public string SearchTerms { get; private set; } = "";

    /// <summary>Search tokens of the titles; a match there ranks first.</summary>
    public string TitleTerms { get; private set; } = "";

    /// <summary>Search tokens of the keywords; a match there ranks second.</summary>
    public string KeywordTerms { get; private set; } = "";

    public IReadOnlyList<DatasetVersion> Versions => _versions;

    /// <summary>Classification values as <c>facet:value</c> (<see cref="Domain.Facets"/>), for filters and facet counts.</summary>
    public string[] FacetValues { get; private set; } = [];

    /// <summary>Organisations a restricted dataset is visible to (its provider always is).</summary>
    public IReadOnlyList<DatasetAccess> Access => _access;

    public static Dataset CreateDraft(Guid providerOrganisationId, DatasetMetadata metadata, DateTime now)
    {
        var dataset = new Dataset
        {
            Id = Guid.NewGuid(),
            ProviderOrganisationId = providerOrganisationId,
            Status = DatasetStatus.Draft,
            Version = 1,
            CreatedAt = now,
        };
        dataset.Apply(metadata, now);
        return dataset;
    }

    /// <summary>
    /// A draft is edited in place; a published or suspended dataset gets a new version, and the old one
    /// stays readable. Returns whether buyers can see the change (a published dataset's new version).
    /// </summary>
    public bool Edit(DatasetMetadata metadata, string editedBy, DateTime now)
    {
        if (Status == DatasetStatus.Withdrawn)
        {
            throw new ConflictException($"Dataset '{Id}' is withdrawn and can no longer be edited.");
        }

        if (Status != DatasetStatus.Draft)
        {
            // Buyers see it, and negotiations price it: it never loses what publishing required.
            PublishingRules.Check(metadata);
            Version++;
            _versions.Add(DatasetVersion.Of(this, metadata, editedBy, now));
        }

        Apply(metadata, now);
        return Status == DatasetStatus.Published;
    }

    public void Publish(string publishedBy, DateTime now)
    {
        Require(DatasetStatus.Draft, "only a draft can be published");
        PublishingRules.Check(Metadata);
        Status = DatasetStatus.Published;
        PublishedAt = now;
        Touch(now);
        _versions.Add(DatasetVersion.Of(this, Metadata, publishedBy, now));
    }

    public void Withdraw(DateTime now)
    {
        if (Status is not (DatasetStatus.Published or DatasetStatus.Suspended))
        {
            throw new ConflictException($"Dataset '{Id}' is {Status}; only a published or suspended dataset can be withdrawn.");
        }

        Status = DatasetStatus.Withdrawn;
        Touch(now);
    }

    public void Suspend(string reason, DateTime now)
    {
        Require(DatasetStatus.Published, "only a published dataset can be suspended");
        Status = DatasetStatus.Suspended;
        SuspensionReason = reason;
        Touch(now);
    }

    public void Reinstate(DateTime now)
    {
        Require(DatasetStatus.Suspended, "only a suspended dataset can be reinstated");
        Status = DatasetStatus.Published;
        SuspensionReason = null;
        Touch(now);
    }

    /// <summary>Who may see it: its provider and administrators always; others only once published, and for a restricted dataset only if named.</summary>
    public bool IsVisibleTo(Guid? organisationId, bool isAdmin) =>
        isAdmin || organisationId == ProviderOrganisationId
        || (Status == DatasetStatus.Published && (!IsRestricted || _access.Any(a => a.OrganisationId == organisationId)));

    public DatasetFacts Facts() => new(
        Metadata.Classification.ProcessStage,
        Metadata.Classification.DataTypes,
        Metadata.Classification.Industry,
        Metadata.Structure.RecordCount,
        Metadata.Structure.SizeBytes,
        Metadata.Structure.CoverageFrom,
        Metadata.Structure.CoverageTo,
        MetadataScore,
        Metadata.Quality.Labelled,
        Metadata.Terms.Purposes,
        Metadata.Terms.MinDurationMonths,
        Metadata.Terms.MaxDurationMonths,
        Metadata.Terms.ExclusivityAvailable,
        Metadata.Terms.AskingPriceKrw,
        IsRestricted ? [.. _access.Select(a => a.OrganisationId)] : null);

    private void Apply(DatasetMetadata metadata, DateTime now)
    {
        Metadata = metadata;
        TitleKo = metadata.TitleKo;
        TitleEn = metadata.TitleEn;
        MetadataScore = Domain.MetadataScore.Of(metadata);
        RecordCount = metadata.Structure.RecordCount;
        CoverageFrom = metadata.Structure.CoverageFrom;
        CoverageTo = metadata.Structure.CoverageTo;
        IsRestricted = metadata.Visibility.Restricted;
        Reindex();

        FacetValues = Domain.Facets.Of(metadata);
        // Rows that stay are kept (not removed and added again): the key is their whole content.
        Replace(_access, metadata.Visibility.Organisations.Distinct().Select(o => new DatasetAccess(Id, o)).ToList());
        Touch(now);
    }

    /// <summary>The search columns from the metadata, by the current <see cref="SearchTokens"/> (also after a tokenisation change).</summary>
    public void Reindex()
    {
        TitleTerms = SearchTokens.Document([Metadata.TitleKo, Metadata.TitleEn]);
        KeywordTerms = SearchTokens.Document(Metadata.Keywords);
        SearchTerms = SearchTokens.Document(
            new[] { Metadata.TitleKo, Metadata.TitleEn, Metadata.DescriptionKo, Metadata.DescriptionEn, Metadata.Classification.EquipmentType }
                .Concat(Metadata.Keywords)
                .Concat(Metadata.Structure.Fields.Select(f => f?.Name)));
    }

    private static void Replace<T>(List<T> current, List<T> wanted)
    {
        current.RemoveAll(row => !wanted.Contains(row));
        current.AddRange(wanted.Where(row => !current.Contains(row)));
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Revision++;
    }

    private void Require(DatasetStatus status, string rule)
    {
        if (Status != status)
        {
            throw new ConflictException($"Dataset '{Id}' is {Status}; {rule}.");
        }
    }
}
