using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Contracts.Infrastructure;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785) for the documents the agreement holds: members sorted by
/// UTF-16 code units, no insignificant whitespace, strings escaped as ECMAScript's JSON.stringify does,
/// numbers in their shortest form. The documents hold whole won and small integers only, written as
/// decimals without trailing zeros, so no floating-point formatting is involved.
/// </summary>
public static class CanonicalJson
{
    // Case-sensitive: the web defaults would fold "B" and "b" into one member.
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { PropertyNameCaseInsensitive = false };

    public static string Serialize<T>(T value)
    {
        var builder = new StringBuilder();
        Write(JsonSerializer.SerializeToNode(value, Web), builder);
        return builder.ToString();
    }

    public static string Sha256Hex(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    private static void Write(JsonNode? node, StringBuilder b)
    {
        switch (node)
        {
            case null:
                b.Append("null");
                break;
            case JsonObject o:
                b.Append('{');
                var first = true;
                foreach (var (name, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    b.Append(first ? "" : ",");
                    first = false;
                    WriteString(name, b);
                    b.Append(':');
                    Write(value, b);
                }

                b.Append('}');
                break;
            case JsonArray a:
                b.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    b.Append(i == 0 ? "" : ",");
                    Write(a[i], b);
                }

                b.Append(']');
                break;
            default:
                var element = JsonSerializer.SerializeToElement(node, Web);
                switch (element.ValueKind)
                {
                    case JsonValueKind.String:
                        WriteString(element.GetString()!, b);
                        break;
                    case JsonValueKind.Number:
                        var number = element.GetDecimal();
                        if (number != decimal.Truncate(number) || Math.Abs(number) > 9_007_199_254_740_991m)
                        {
                            throw new InvalidOperationException($"Canonical agreement documents hold integers of at most 2^53 only, not {number}.");
                        }

                        b.Append(decimal.Truncate(number).ToString("0", CultureInfo.InvariantCulture));
                        break;
                    default:
                        b.Append(element.GetRawText());
                        break;
                }

                break;
        }
    }

    private static void WriteString(string s, StringBuilder b)
    {
        b.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\b': b.Append("\\b"); break;
                case '\f': b.Append("\\f"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        b.Append('"');
    }
}
