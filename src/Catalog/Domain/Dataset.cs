using Marketplace.BuildingBlocks.Errors;

namespace Marketplace.Catalog.Domain;

/// <summary>A provider's description of one production dataset. Metadata only: the data never comes here.</summary>
public sealed class Dataset
{
    private Dataset()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProviderOrganisationId { get; private set; }

    public string? TitleKo { get; private set; }

    public string? TitleEn { get; private set; }

    public DatasetStatus Status { get; private set; }

    /// <summary>Published version number; 0 while the listing has never been published.</summary>
    public int Version { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public static Dataset CreateDraft(Guid providerOrganisationId, string? titleKo, string? titleEn, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        ProviderOrganisationId = providerOrganisationId,
        TitleKo = titleKo,
        TitleEn = titleEn,
        Status = DatasetStatus.Draft,
        CreatedAt = now,
    };

    public void Publish(DateTime now)
    {
        if (Status != DatasetStatus.Draft)
        {
            throw new ConflictException($"Dataset '{Id}' is {Status}; only a draft can be published.");
        }

        Status = DatasetStatus.Published;
        Version++;
        PublishedAt = now;
    }
}
