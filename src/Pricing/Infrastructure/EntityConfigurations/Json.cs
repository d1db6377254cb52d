using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Pricing.Infrastructure.EntityConfigurations;

/// <summary>A value stored as one JSON text column (the same on PostgreSQL and SQLite).</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class =>
        property.HasConversion(v => JsonSerializer.Serialize(v, Options), json => JsonSerializer.Deserialize<T>(json, Options)!);
}
