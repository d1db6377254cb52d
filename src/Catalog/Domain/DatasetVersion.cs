namespace Marketplace.Catalog.Domain;

/// <summary>One published version of a dataset, never changed once written.</summary>
public sealed class DatasetVersion
{
    private DatasetVersion()
    {
    }

    public Guid DatasetId { get; private set; }

    public int Version { get; private set; }

    public DatasetMetadata Metadata { get; private set; } = new();

    public int MetadataScore { get; private set; }

    /// <summary>Subject of the token that published it (an API client or a person).</summary>
    public string CreatedBy { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    internal static DatasetVersion Of(Dataset dataset, DatasetMetadata metadata, string createdBy, DateTime now) => new()
    {
        DatasetId = dataset.Id,
        Version = dataset.Version,
        Metadata = metadata,
        MetadataScore = Domain.MetadataScore.Of(metadata),
        CreatedBy = createdBy,
        CreatedAt = now,
    };
}
