using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.BuildingBlocks.Persistence;

/// <summary>A value object stored as one JSON text column: the same on PostgreSQL and SQLite.</summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Replace the value to change it: the column is compared by reference, not by content.</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class? =>
        property.HasConversion(v => JsonSerializer.Serialize(v, Options), json => JsonSerializer.Deserialize<T>(json, Options)!);
}
