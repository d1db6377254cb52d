using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Generates hostile requests from an OpenAPI document: for each operation a request that is valid in shape,
/// then broken in one or more places — wrong types, nulls inside arrays and objects, missing and extra members,
/// huge and control-character strings, NUL, lone surrogates, huge, negative and 40-digit numbers, malformed
/// JSON, wrong content types, invalid GUIDs and dates, path traversal. Seeded: the same seed, the same requests.
/// </summary>
public sealed class OpenApiFuzzer(Random random, IReadOnlyList<Guid> knownIds, IReadOnlyDictionary<string, JsonNode> examples)
{
    /// <summary>Stands for text a JSON writer will not write (a lone surrogate, a 40-digit number); replaced in the raw body.</summary>
    private const string LoneSurrogate = "@@lone-surrogate@@";
    private const string FortyDigits = "@@forty-digits@@";
    private const string NotANumber = "@@nan@@";

    public sealed record Operation(string Method, string Path, JsonElement Operation_, JsonElement Document)
    {
        public IEnumerable<JsonElement> Parameters =>
            Operation_.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : [];

        public (string ContentType, JsonElement Schema)? Body =>
            Operation_.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
                ? content.EnumerateObject().Select(c => (c.Name, c.Value.TryGetProperty("schema", out var s) ? s : default)).FirstOrDefault()
                : null;
    }

    public static IEnumerable<Operation> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete")
            .Select(m => new Operation(m.Name.ToUpperInvariant(), path.Name, m.Value, document)));

    public HttpRequestMessage Request(Operation operation)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var schema = parameter.TryGetProperty("schema", out var s) ? Resolve(operation.Document, s) : default;
            switch (parameter.GetProperty("in").GetString())
            {
                case "path":
                    path = path.Replace($"{{{name}}}", Chance(0.5) ? ValidScalar(schema) : Uri.EscapeDataString(HostileScalar()), StringComparison.Ordinal);
                    break;
                case "query" when Chance(0.6):
                    query.Add($"{name}={Uri.EscapeDataString(Chance(0.5) ? ValidScalar(schema) : HostileScalar())}");
                    break;
            }
        }

        if (Chance(0.05))
        {
            query.Add($"{Pick("q", "limit", "cursor", "status")}=%ED%A0%80"); // a lone surrogate, UTF-8 encoded
        }

        var request = new HttpRequestMessage(new HttpMethod(operation.Method), query.Count == 0 ? path : $"{path}?{string.Join('&', query)}");
        if (operation.Body is { } body)
        {
            request.Content = Body(operation.Document, body.ContentType, body.Schema, examples.GetValueOrDefault($"{operation.Method} {operation.Path}"));
        }

        return request;
    }

    /// <summary>From a known valid example where there is one (so the breakage reaches the validators behind it), else from the schema.</summary>
    private HttpContent Body(JsonElement document, string contentType, JsonElement schema, JsonNode? example)
    {
        var roll = random.NextDouble();
        string text;
        if (roll < 0.1)
        {
            text = Pick("{", "[1,2", "", "null", "\"text\"", "{\"a\":}", "{'single':'quotes'}", "\u0000", "{\"x\": NaN}", new string('[', 5000));
        }
        else
        {
            var node = example is not null && Chance(0.8) ? example.DeepClone() : Valid(document, schema, 0);
            var mutations = random.Next(1, 4);
            for (var i = 0; i < mutations; i++)
            {
                node = Mutate(document, node, schema, 0);
            }

            text = (node?.ToJsonString() ?? "null")
                .Replace($"\"{LoneSurrogate}\"", "\"\\ud800 alone\"", StringComparison.Ordinal)
                .Replace($"\"{FortyDigits}\"", "1234567890123456789012345678901234567890.5", StringComparison.Ordinal)
                .Replace($"\"{NotANumber}\"", "NaN", StringComparison.Ordinal);
        }

        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(Chance(0.08) ? Pick("text/plain", "application/xml", "application/x-www-form-urlencoded") : contentType);
        return content;
    }

    /// <summary>A node that matches the schema, as far as the schema says (much of it is untyped).</summary>
    private JsonNode? Valid(JsonElement document, JsonElement schema, int depth)
    {
        schema = Resolve(document, schema);
        if (schema.ValueKind != JsonValueKind.Object || depth > 6)
        {
            return JsonValue.Create("text");
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            var options = oneOf.EnumerateArray().Where(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")).ToList();
            return options.Count == 0 ? null : Valid(document, options[random.Next(options.Count)], depth + 1);
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            var all = values.EnumerateArray().ToList();
            return JsonNode.Parse(all[random.Next(all.Count)].GetRawText());
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            var obj = new JsonObject();
            foreach (var property in properties.EnumerateObject())
            {
                obj[property.Name] = Valid(document, property.Value, depth + 1);
            }

            return obj;
        }

        return Type(schema) switch
        {
            "array" => new JsonArray(Valid(document, schema.TryGetProperty("items", out var items) ? items : default, depth + 1)),
            "integer" => JsonValue.Create(random.Next(1, 24)),
            "number" => JsonValue.Create(random.Next(1, 1000) * 1000m),
            "boolean" => JsonValue.Create(Chance(0.5)),
            "object" => new JsonObject(),
            _ => JsonValue.Create(ValidScalar(schema)),
        };
    }

    /// <summary>Breaks the node somewhere: here, or in one of its members or elements.</summary>
    private JsonNode? Mutate(JsonElement document, JsonNode? node, JsonElement schema, int depth)
    {
        if (node is JsonObject obj && obj.Count > 0 && Chance(0.85) && depth < 6)
        {
            var member = obj.ElementAt(random.Next(obj.Count)).Key;
            switch (random.Next(4))
            {
                case 0:
                    obj.Remove(member);
                    break;
                case 1:
                    obj[$"extra{random.Next(100)}"] = Hostile();
                    break;
                default:
                    obj[member] = Mutate(document, obj[member]?.DeepClone(), default, depth + 1);
                    break;
            }

            return obj;
        }

        if (node is JsonArray array && Chance(0.7) && depth < 6)
        {
            // Null first, alone, or last: validators that look at the first element or stop at the first bad one differ.
            switch (random.Next(3))
            {
                case 0:
                    array.Insert(0, null);
                    break;
                case 1:
                    return new JsonArray((JsonNode?)null);
                default:
                    array.Add(Chance(0.5) ? null : Hostile());
                    break;
            }

            return array;
        }

        return Hostile();
    }

    private JsonNode? Hostile() => random.Next(14) switch
    {
        0 => null,
        1 => JsonValue.Create(new string('x', random.Next(1000, 100_000))),
        2 => JsonValue.Create("ctrl\u0000nul\u0001\u001b[31m\u007f"),
        3 => JsonValue.Create(LoneSurrogate),
        4 => JsonValue.Create(FortyDigits),
        5 => JsonValue.Create(NotANumber),
        6 => JsonValue.Create(-1),
        7 => JsonValue.Create(1e300),
        8 => JsonValue.Create(long.MaxValue),
        9 => new JsonArray(null, JsonValue.Create(1), null),
        10 => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = null } },
        11 => JsonValue.Create(Pick("not-a-guid", "2024-13-45", "P-1D", "../../../etc/passwd", "9999-99-99T99:99:99Z")),
        12 => JsonValue.Create(true),
        _ => JsonValue.Create("\u200b\ufeff\u3000 space"),
    };

    private string ValidScalar(JsonElement schema)
    {
        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return format switch
        {
            "uuid" => (knownIds.Count > 0 && Chance(0.8) ? knownIds[random.Next(knownIds.Count)] : Guid.NewGuid()).ToString(),
            "date-time" => DateTime.UtcNow.AddDays(random.Next(-30, 30)).ToString("O"),
            "date" => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(random.Next(0, 60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "int32" or "int64" => random.Next(0, 200).ToString(CultureInfo.InvariantCulture),
            _ => Type(schema) is "integer" or "number" ? random.Next(0, 200).ToString(CultureInfo.InvariantCulture) : Pick("사출", "production", "sensor-time-series", "research", "test", "1"),
        };
    }

    private string HostileScalar() => Pick(
        "not-a-guid", "../../etc/passwd", "..%2F..%2Fetc", "\0", "nul\0byte", new string('a', 5000), "-1", "99999999999999999999", "NaN",
        "00000000-0000-0000-0000-000000000000", "1e400", "2024-02-30", "' OR 1=1 --", "<script>", "\u3000", "%", "%ZZ");

    private static string? Type(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t)
            ? t.ValueKind == JsonValueKind.String ? t.GetString() : t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null")
            : null;

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var target = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part);
            }

            schema = target;
        }

        return schema;
    }

    private bool Chance(double p) => random.NextDouble() < p;

    private string Pick(params string[] options) => options[random.Next(options.Length)];
}
