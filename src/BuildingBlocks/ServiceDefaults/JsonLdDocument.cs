using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>
/// What every JSON-LD document the marketplace serves has at its top (the rest of its vocabulary is in its inline
/// context): the schema the OpenAPI documents give <c>application/ld+json</c> responses (<c>Produces&lt;JsonLdDocument&gt;</c>).
/// </summary>
public sealed record JsonLdDocument(
    [property: JsonPropertyName("@context")] JsonNode Context,
    [property: JsonPropertyName("@id")] string Id,
    [property: JsonPropertyName("@type")] JsonNode Type)
{
    public const string MediaType = "application/ld+json";
}
