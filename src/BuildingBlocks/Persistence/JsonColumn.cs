using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.BuildingBlocks.Persistence;

/// <summary>A value object stored as one JSON text column: the same on PostgreSQL and SQLite.</summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Replace the value to change it: the column is compared by reference, not by content (said
    /// explicitly, so EF neither warns about collections nor snapshots a deep copy of every value).
    /// </summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class? =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            json => JsonSerializer.Deserialize<T>(json, Options)!,
            new ValueComparer<T>((a, b) => ReferenceEquals(a, b), v => v == null ? 0 : RuntimeHelpers.GetHashCode(v), v => v));
}
