namespace Marketplace.Catalog.Infrastructure;

/// <summary>The one row saying which <see cref="Domain.SearchTokens.Version"/> the stored search columns were made with.</summary>
public sealed class SearchIndexState
{
    public int Id { get; set; } = 1;

    public int TokensVersion { get; set; }
}
