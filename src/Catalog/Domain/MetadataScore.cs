namespace Marketplace.Catalog.Domain;

/// <summary>
/// How well a dataset is described (its metadata score), 0–100: four points for each of the 25 recommended items
/// that is filled in. Shown on the dataset, sortable, and (from 80) lowers the provider's platform fee. Not the
/// data's completeness, which a provider declares as <c>quality.completenessPercent</c>.
/// </summary>
public static class MetadataScore
{
    public static int Of(DatasetMetadata m)
    {
        var items = Items(m);
        return items.Count(i => i.Filled) * 100 / items.Length;
    }

    /// <summary>The recommended items still empty, by their member paths (what would raise the score, four points each).</summary>
    public static string[] Gaps(DatasetMetadata m) => [.. Items(m).Where(i => !i.Filled).Select(i => i.Member)];

    private static (string Member, bool Filled)[] Items(DatasetMetadata m)
    {
        var c = m.Classification;
        var s = m.Structure;
        var t = m.Terms;
        return
        [
            ("titleKo", Filled(m.TitleKo)), ("titleEn", Filled(m.TitleEn)), ("descriptionKo", Filled(m.DescriptionKo)), ("descriptionEn", Filled(m.DescriptionEn)),
            ("keywords", m.Keywords.Length >= 3),
            ("classification.processStage", c.ProcessStage is not null), ("classification.isa95Level", c.Isa95Level is not null),
            ("classification.industry", c.Industry is not null), ("classification.dataTypes", c.DataTypes.Length > 0),
            ("classification.equipmentType", Filled(c.EquipmentType)),
            ("structure.fields", s.Fields.Length > 0), ("structure.fields.type", s.Fields.Length > 0 && s.Fields.All(f => Filled(f?.Type))),
            ("structure.coverage", s.CoverageFrom is not null && s.CoverageTo is not null), ("structure.samplingInterval", Filled(s.SamplingInterval)),
            ("structure.recordCount", s.RecordCount is not null), ("structure.sizeBytes", s.SizeBytes is not null), ("structure.formats", s.Formats.Length > 0),
            ("structure.updateFrequency", s.UpdateFrequency is not null), ("structure.collectionMethod", Filled(s.CollectionMethod)),
            ("quality.completenessPercent", m.Quality.CompletenessPercent is not null),
            ("quality.knownIssues", Filled(m.Quality.KnownIssues) || (m.Quality.Labelled && Filled(m.Quality.LabelDescription))),
            ("preview", m.Preview is not null), ("terms.purposes", t.Purposes.Length > 0),
            ("terms.duration", t.MinDurationMonths is not null && t.MaxDurationMonths is not null), ("terms.askingPriceKrw", t.AskingPriceKrw is not null),
        ];
    }

    private static bool Filled(string? value) => !string.IsNullOrWhiteSpace(value);
}
