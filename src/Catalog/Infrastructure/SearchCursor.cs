using Marketplace.BuildingBlocks.ServiceDefaults;

namespace Marketplace.Catalog.Infrastructure;

/// <summary>
/// Where the next page starts: the sort keys of the last dataset on this page, bound to the query it
/// came from. Opaque to clients (<see cref="PageCursor"/>).
/// </summary>
public sealed record SearchCursor(string Query, int Relevance, int Score, DateTime? At, Guid Id)
{
    public string Encode() => PageCursor.Encode(this);

    /// <summary>The cursor, or a 400 naming <c>cursor</c> when it is malformed or belongs to another query.</summary>
    public static SearchCursor? Decode(string? text, string fingerprint) => PageCursor.Decode<SearchCursor>(text, c => c.Query == fingerprint);
}
