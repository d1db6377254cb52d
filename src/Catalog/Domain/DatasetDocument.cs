using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.ServiceDefaults;

namespace Marketplace.Catalog.Domain;

/// <summary>
/// A dataset's metadata as the client sends it: <c>PUT</c> replaces the whole document, so every member
/// must be there (an absent one would silently be emptied); <c>PATCH</c> is a JSON Merge Patch (RFC 7396)
/// over the current document: members it names change, <c>null</c> removes, the rest stays.
/// </summary>
public static class DatasetDocument
{
    public const string MergePatchMediaType = "application/merge-patch+json";

    /// <summary>Every member of <see cref="DatasetMetadata"/>, as a client spells it.</summary>
    public static readonly string[] Members =
        ["titleKo", "titleEn", "descriptionKo", "descriptionEn", "keywords", "classification", "structure", "quality", "preview", "terms", "visibility"];

    /// <summary>A complete document, or a 400 naming each missing member (a member may be null, not absent).</summary>
    public static DatasetMetadata Complete(JsonObject document, JsonSerializerOptions options)
    {
        var validator = new Validator();
        foreach (var member in Members)
        {
            validator.Require(document.ContainsKey(member), member,
                "PUT replaces the whole document: send every member (null where there is nothing), or change some with PATCH.");
        }

        validator.ThrowIfInvalid();
        return Read(document, options);
    }

    /// <summary>The current document with <paramref name="patch"/> merged in (RFC 7396).</summary>
    public static DatasetMetadata Merge(DatasetMetadata current, JsonNode? patch, JsonSerializerOptions options)
    {
        if (patch is not JsonObject)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["$"] = ["A merge patch of a dataset is a JSON object."] });
        }

        RefuseBrokenText(patch);
        var merged = MergePatch(JsonSerializer.SerializeToNode(current, options), patch);
        return Read((JsonObject)merged!, options);
    }

    /// <summary>RFC 7396, section 2.</summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject is { } targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = MergePatch(result[name], value);
            }
        }

        return result;
    }

    /// <summary>
    /// A parsed patch still holds its strings escaped: one with a broken UTF-16 sequence (a lone surrogate) or a control
    /// character would only fail later, deep in deserialisation. Each is a 400 naming its member.
    /// </summary>
    private static void RefuseBrokenText(JsonNode node)
    {
        var broken = new Dictionary<string, string[]>();
        Walk(node);
        if (broken.Count > 0)
        {
            throw new ValidationException(broken);
        }

        void Walk(JsonNode? current)
        {
            switch (current)
            {
                case JsonObject obj:
                    foreach (var (_, value) in obj)
                    {
                        Walk(value);
                    }

                    break;
                case JsonArray array:
                    foreach (var value in array)
                    {
                        Walk(value);
                    }

                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    bool clean;
                    try
                    {
                        clean = JsonInputRules.IsClean(value.GetValue<string>());
                    }
                    catch (InvalidOperationException)
                    {
                        clean = false;
                    }

                    if (!clean)
                    {
                        broken[value.GetPath().TrimStart('$').TrimStart('.')] = ["Text must not contain control characters or broken UTF-16 (a lone surrogate)."];
                    }

                    break;
            }
        }
    }

    private static DatasetMetadata Read(JsonObject document, JsonSerializerOptions options) =>
        document.Deserialize<DatasetMetadata>(options)
        ?? throw new ValidationException(new Dictionary<string, string[]> { ["$"] = ["A dataset document is a JSON object."] });
}
