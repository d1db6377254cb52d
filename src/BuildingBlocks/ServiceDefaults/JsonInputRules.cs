using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Marketplace.BuildingBlocks.ServiceDefaults;

/// <summary>
/// What every JSON request body must satisfy before a handler sees it, whatever the endpoint: text without
/// control characters (tab and line breaks aside) or broken UTF-16, and no <c>null</c> inside a list whose
/// elements are declared non-nullable. A breach is a <see cref="JsonException"/> with its path, which the
/// problem handler turns into a 400 naming the member.
/// </summary>
public static class JsonInputRules
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.Converters.Add(new CleanStringConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RefuseNullElements);
    }

    /// <summary>Tab, line feed and carriage return are text; NUL and the other control characters are not.</summary>
    public static bool IsClean(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }
        }

        return !HasLoneSurrogate(text);
    }

    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void RefuseNullElements(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var nullability = new NullabilityInfoContext();
        foreach (var property in info.Properties)
        {
            if (property.AttributeProvider is not PropertyInfo member || ElementOf(property.PropertyType) is not { IsValueType: false } element)
            {
                continue;
            }

            var annotated = nullability.Create(member);
            var elementState = annotated.ElementType?.ReadState ?? annotated.GenericTypeArguments.FirstOrDefault()?.ReadState;
            if (elementState == NullabilityState.NotNull)
            {
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(
                    typeof(NoNullElementsConverter<>).MakeGenericType(property.PropertyType))!;
            }
        }
    }

    private static Type? ElementOf(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var only] ? only
        : null;

    private sealed class NoNullElementsConverter<TCollection> : JsonConverter<TCollection> where TCollection : IEnumerable
    {
        public override TCollection? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = JsonSerializer.Deserialize<TCollection>(ref reader, options);
            if (value is not null && value.Cast<object?>().Any(e => e is null))
            {
                throw new JsonException("null is not allowed inside this list.");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, TCollection value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, options);
    }

    private sealed class CleanStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Checked(ref reader)
            : reader.TokenType == JsonTokenType.Null ? null
            : throw new JsonException($"Expected a string, not {Describe(reader.TokenType)}.");

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(ref reader);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

        private static string Checked(ref Utf8JsonReader reader)
        {
            string text;
            try
            {
                text = reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                throw new JsonException("Not valid Unicode text (a lone surrogate).");
            }

            return IsClean(text) ? text : throw new JsonException("Control characters (other than tab and line breaks) and lone surrogates are not allowed in text.");
        }

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.StartObject => "an object",
            _ => token.ToString(),
        };
    }
}
