using System.Buffers.Text;
using System.Text.Json;
using Marketplace.BuildingBlocks.Errors;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>
/// One page of a list that can grow: at most <c>limit</c> items and, when more follow, the opaque cursor of the next
/// page (<c>nextCursor</c>, passed back as <c>?cursor=</c>; null on the last page). Every list pages this way (keyset:
/// a page never repeats or skips an item because others were added meanwhile); docs/architecture.md, "Paging".
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Reads and writes the cursors of <see cref="Page{T}"/>: the sort keys of the last item, as base64url JSON.</summary>
public static class PageCursor
{
    public const int DefaultLimit = 20;

    public const int MaxLimit = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Encode<TKeys>(TKeys keys) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(keys, Json));

    /// <summary>
    /// The keys in <paramref name="text"/> (null when there is none), or a 400 naming <c>cursor</c> when it is malformed or
    /// fails <paramref name="belongs"/> (a cursor of another query).
    /// </summary>
    public static TKeys? Decode<TKeys>(string? text, Func<TKeys, bool>? belongs = null) where TKeys : class
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        TKeys? keys = null;
        try
        {
            keys = text.Length <= 1000 ? JsonSerializer.Deserialize<TKeys>(Base64Url.DecodeFromChars(text), Json) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            // Reported below.
        }

        return keys is not null && (belongs is null || belongs(keys))
            ? keys
            : throw new ValidationException(new Dictionary<string, string[]>
            {
                ["cursor"] = ["Not a cursor of this list; start again without it, or repeat the query exactly."],
            });
    }

    /// <summary>400 naming <c>limit</c> unless it is 1 to <paramref name="max"/>.</summary>
    public static Validator RequireLimit(this Validator validator, int limit, int max = MaxLimit) =>
        validator.Require(limit >= 1 && limit <= max, "limit", $"Must be 1 to {max}.");

    /// <summary>
    /// The page of <paramref name="rows"/> (fetched with <c>limit + 1</c>, so one more than a page means another page
    /// follows) and the cursor made of the last item's keys.
    /// </summary>
    public static Page<TItem> Of<TRow, TItem, TKeys>(IReadOnlyList<TRow> rows, int limit, Func<TRow, TItem> item, Func<TRow, TKeys> keys) =>
        new([.. rows.Take(limit).Select(item)], rows.Count > limit ? Encode(keys(rows[limit - 1])) : null);
}

/// <summary>The usual keys: the query the list answers (so a cursor is not used on another), a timestamp, and the id that breaks its ties.</summary>
public sealed record ListCursor(string Query, DateTime At, Guid Id);
