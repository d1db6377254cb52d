namespace Marketplace.Catalog.Domain;

/// <summary>
/// The classification values a dataset is filtered and counted by, kept on the dataset as one list of
/// <c>facet:value</c> strings (several data types and formats per dataset). The list is a primitive
/// collection: a PostgreSQL array, a JSON array in SQLite, queried with the same LINQ on both.
/// </summary>
public static class Facets
{
    public const string ProcessStage = "processStage";
    public const string Isa95Level = "isa95Level";
    public const string Industry = "industry";
    public const string DataType = "dataType";
    public const string Format = "format";
    public const string EquipmentType = "equipmentType";

    public static readonly string[] All = [ProcessStage, Isa95Level, Industry, DataType, Format, EquipmentType];

    public static string Key(string facet, string value) => $"{facet}:{value}";

    public static (string Facet, string Value) Split(string key)
    {
        var colon = key.IndexOf(':');
        return (key[..colon], key[(colon + 1)..]);
    }

    public static string[] Of(DatasetMetadata m)
    {
        var c = m.Classification;
        var values = new List<(string Facet, string? Value)>
        {
            (ProcessStage, c.ProcessStage),
            (Isa95Level, c.Isa95Level?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (Industry, c.Industry),
            (EquipmentType, EquipmentTypeValue(c.EquipmentType)),
        };
        values.AddRange(c.DataTypes.Select(t => (DataType, (string?)t)));
        values.AddRange(m.Structure.Formats.Select(f => (Format, (string?)f)));
        return [.. values.Where(v => v.Value is not null).Select(v => Key(v.Facet, v.Value!)).Distinct()];
    }

    /// <summary>A suggestion's code when the text names one (in either language), else the text itself, trimmed and lower-cased.</summary>
    public static string? EquipmentTypeValue(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var suggestion = Taxonomy.EquipmentTypeSuggestions.FirstOrDefault(t =>
            string.Equals(t.Code, trimmed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.LabelKo, trimmed, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.LabelEn, trimmed, StringComparison.OrdinalIgnoreCase));
        return suggestion?.Code ?? trimmed.ToLowerInvariant();
    }
}
