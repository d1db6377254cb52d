using System.Globalization;
using System.Text.Json;

namespace Marketplace.Web.Api;

/// <summary>Reading API answers: the console keeps no copies of the modules' types, only what it shows.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static JsonElement Get(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : default;

    public static string? Str(this JsonElement e, string name) => e.Get(name) switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => null,
    };

    public static decimal? Dec(this JsonElement e, string name) =>
        e.Get(name) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;

    public static long? Whole(this JsonElement e, string name) =>
        e.Get(name) is { ValueKind: JsonValueKind.Number } v ? v.GetInt64() : null;

    public static bool Bool(this JsonElement e, string name) => e.Get(name).ValueKind == JsonValueKind.True;

    public static Guid? Id(this JsonElement e, string name) => Guid.TryParse(e.Str(name), out var id) ? id : null;

    public static DateTime? Time(this JsonElement e, string name) =>
        DateTime.TryParse(e.Str(name), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    public static IEnumerable<JsonElement> Items(this JsonElement e, string name) =>
        e.Get(name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    public static IEnumerable<JsonElement> Items(this JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : [];
}
