namespace Marketplace.Catalog.Domain;

/// <summary>
/// One classification value of a listing (a listing has several data types and formats), the row
/// that facet filters and facet counts work on, in the same way on PostgreSQL and SQLite.
/// </summary>
public sealed record DatasetFacet(Guid DatasetId, string Facet, string Value)
{
    public const string ProcessStage = "processStage";
    public const string Isa95Level = "isa95Level";
    public const string Industry = "industry";
    public const string DataType = "dataType";
    public const string Format = "format";
    public const string EquipmentType = "equipmentType";

    public static readonly string[] All = [ProcessStage, Isa95Level, Industry, DataType, Format, EquipmentType];

    public static IEnumerable<DatasetFacet> Of(Guid datasetId, DatasetMetadata m)
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
        return values.Where(v => v.Value is not null).Distinct().Select(v => new DatasetFacet(datasetId, v.Facet, v.Value!));
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
