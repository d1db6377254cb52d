using System.Buffers.Text;
using System.Text.Json;
using Marketplace.BuildingBlocks.Errors;

namespace Marketplace.Catalog.Infrastructure;

/// <summary>
/// Where the next page starts: the sort keys of the last dataset on this page, bound to the query it
/// came from. Opaque to clients (base64url JSON).
/// </summary>
public sealed record SearchCursor(string Query, int Relevance, int Score, DateTime? At, Guid Id)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, Json));

    /// <summary>The cursor, or a 400 naming <c>cursor</c> when it is malformed or belongs to another query.</summary>
    public static SearchCursor? Decode(string? text, string fingerprint)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        SearchCursor? cursor = null;
        try
        {
            cursor = text.Length <= 1000 ? JsonSerializer.Deserialize<SearchCursor>(Base64Url.DecodeFromChars(text), Json) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            // Reported below.
        }

        return cursor is not null && cursor.Query == fingerprint
            ? cursor
            : throw new ValidationException(new Dictionary<string, string[]>
            {
                ["cursor"] = ["Not a cursor of this query; start again without it, or repeat the query exactly."],
            });
    }
}
