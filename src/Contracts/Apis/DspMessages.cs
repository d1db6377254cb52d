using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks.Vocabulary;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Contracts.Apis;

/// <summary>How the marketplace's DSP endpoints read a message and write an answer (JSON-LD as DSP sends it, compacted).</summary>
internal static class DspMessages
{
    /// <summary>
    /// The body when it is a message of <paramref name="type"/> (its <c>@type</c> compacted with the DSP context, as DSP
    /// messages are sent, prefixed or expanded); otherwise a sentence saying what the body is instead.
    /// </summary>
    public static async Task<(JsonElement Message, string? Problem)> ReadAsync(HttpRequest request, string type, CancellationToken ct)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            var root = body.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("@type", out var named) && named.ValueKind == JsonValueKind.String
                ? IsTerm(named.GetString(), type) ? (root, null) : (root, $"Expected a {type}, not {named.GetString()}.")
                : (root, $"Expected a JSON-LD object with \"@type\": \"{type}\".");
        }
        catch (JsonException)
        {
            return (default, "The body is not JSON.");
        }
    }

    /// <summary>A DSP term as a message names it: compacted, with the <c>dspace:</c> prefix, or expanded.</summary>
    public static bool IsTerm(string? value, string term) =>
        value == term || value == $"dspace:{term}" || value == $"{DataspaceProtocol.Namespace}{term}";

    /// <summary>A string member of the message (compacted or prefixed), or null.</summary>
    public static string? Text(JsonElement message, string member) =>
        message.ValueKind == JsonValueKind.Object
        && (message.TryGetProperty(member, out var value) || message.TryGetProperty($"dspace:{member}", out value)) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static IResult Json(int status, JsonObject document) => Results.Text(document.ToJsonString(), "application/json", statusCode: status);
}
