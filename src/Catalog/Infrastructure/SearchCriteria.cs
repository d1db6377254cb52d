namespace Marketplace.Catalog.Infrastructure;

public enum SearchSort
{
    Relevance,
    Newest,
    MetadataScore,
}

/// <summary>What a buyer asks the catalog for; facet filters are OR within a facet and AND across facets.</summary>
public sealed record SearchCriteria
{
    public IReadOnlyList<string> Tokens { get; init; } = [];

    public IReadOnlyDictionary<string, string[]> Facets { get; init; } = new Dictionary<string, string[]>();

    public long? MinRecords { get; init; }

    public long? MaxRecords { get; init; }

    public DateOnly? CoverageFrom { get; init; }

    public DateOnly? CoverageTo { get; init; }

    public DateTime? UpdatedSince { get; init; }

    public Guid? Provider { get; init; }

    public SearchSort Sort { get; init; }

    public int Limit { get; init; } = 20;

    /// <summary>Everything but the page position, so a cursor is refused with any other query.</summary>
    public string Fingerprint() => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('|',
        string.Join(' ', Tokens),
        string.Join(';', Facets.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={string.Join(',', f.Value.Order(StringComparer.Ordinal))}")),
        MinRecords, MaxRecords, CoverageFrom, CoverageTo, UpdatedSince?.ToString("O"), Provider, Sort))))[..16];
}

/// <summary>Who is searching: restricted datasets show only to the organisations they name (and their provider and administrators).</summary>
public sealed record Viewer(Guid? OrganisationId, bool IsAdmin);
