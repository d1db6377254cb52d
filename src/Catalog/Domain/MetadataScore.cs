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
        var c = m.Classification;
        var s = m.Structure;
        var t = m.Terms;
        bool[] recommended =
        [
            Filled(m.TitleKo), Filled(m.TitleEn), Filled(m.DescriptionKo), Filled(m.DescriptionEn), m.Keywords.Length >= 3,
            c.ProcessStage is not null, c.Isa95Level is not null, c.Industry is not null, c.DataTypes.Length > 0, Filled(c.EquipmentType),
            s.Fields.Length > 0, s.Fields.Length > 0 && s.Fields.All(f => Filled(f?.Type)), s.CoverageFrom is not null && s.CoverageTo is not null,
            Filled(s.SamplingInterval), s.RecordCount is not null, s.SizeBytes is not null, s.Formats.Length > 0, s.UpdateFrequency is not null,
            Filled(s.CollectionMethod), m.Quality.CompletenessPercent is not null, Filled(m.Quality.KnownIssues) || (m.Quality.Labelled && Filled(m.Quality.LabelDescription)),
            m.Preview is not null, t.Purposes.Length > 0, t.MinDurationMonths is not null && t.MaxDurationMonths is not null, t.AskingPriceKrw is not null,
        ];
        return recommended.Count(r => r) * 100 / recommended.Length;
    }

    private static bool Filled(string? value) => !string.IsNullOrWhiteSpace(value);
}
