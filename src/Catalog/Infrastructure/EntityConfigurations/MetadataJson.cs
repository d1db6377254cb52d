using System.Text.Json;
using Marketplace.Catalog.Domain;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Catalog.Infrastructure.EntityConfigurations;

/// <summary>A listing document stored as one JSON text column (the same on PostgreSQL and SQLite).</summary>
internal static class MetadataJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<DatasetMetadata> AsJson(this PropertyBuilder<DatasetMetadata> property) =>
        property.HasConversion(
            m => JsonSerializer.Serialize(m, Options),
            json => JsonSerializer.Deserialize<DatasetMetadata>(json, Options) ?? new DatasetMetadata());
}
