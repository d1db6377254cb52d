using Marketplace.Catalog.Domain;

namespace Marketplace.Bench.CatalogSearch;

/// <summary>Plausible datasets in bulk: equipment × measurement titles in Korean and English, random classification.</summary>
public static class Generator
{
    /// <summary>The organisation every generated dataset belongs to, so a rerun can tell them apart.</summary>
    public static readonly Guid BenchProvider = new("b0000000-0000-4000-8000-000000000001");

    private static readonly (string Ko, string En)[] Measures =
    [
        ("온도", "temperature"), ("진동", "vibration"), ("압력", "pressure"), ("전류", "current"), ("소음", "noise"),
        ("불량 이미지", "defect images"), ("가동 로그", "operating logs"), ("생산 실적", "production results"),
        ("에너지 사용량", "energy use"), ("품질 검사", "quality inspection"),
    ];

    public static IEnumerable<Dataset> Datasets(int count, DateTime now, int seed = 42)
    {
        var random = new Random(seed);
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        string[] Some(IReadOnlyList<Term> terms, int max) => [.. Enumerable.Range(0, random.Next(1, max + 1)).Select(_ => Pick(terms).Code).Distinct()];

        for (var i = 0; i < count; i++)
        {
            var equipment = Pick(Taxonomy.EquipmentTypeSuggestions);
            var measure = Pick(Measures);
            var plant = random.Next(1, 51);
            var year = random.Next(2015, 2026);
            var records = (long)random.Next(1_000, 50_000_000);
            var metadata = new DatasetMetadata
            {
                TitleKo = $"{equipment.LabelKo} {measure.Ko} 데이터 ({plant}공장, {year})",
                TitleEn = $"{equipment.LabelEn} {measure.En} data (plant {plant}, {year})",
                DescriptionKo = $"{plant}공장 {equipment.LabelKo}의 {measure.Ko} 측정값을 {year}년 한 해 동안 수집했습니다.",
                DescriptionEn = $"{measure.En} of the {equipment.LabelEn.ToLowerInvariant()} in plant {plant}, collected throughout {year}.",
                Keywords = [equipment.LabelKo, measure.Ko, equipment.LabelEn.ToLowerInvariant(), measure.En],
                Classification = new Classification
                {
                    ProcessStage = Pick(Taxonomy.ProcessStages).Code,
                    Isa95Level = random.Next(0, 5),
                    Industry = Pick(Taxonomy.Industries).Code,
                    DataTypes = Some(Taxonomy.DataTypes, 2),
                    EquipmentType = equipment.LabelKo,
                },
                Structure = new DataStructure
                {
                    Fields = [new SchemaField("timestamp", "datetime", null, null), new SchemaField(measure.En.Replace(' ', '_'), "float", null, null)],
                    CoverageFrom = new DateOnly(year, 1, 1),
                    CoverageTo = new DateOnly(year, 12, 31),
                    SamplingInterval = "PT1S",
                    RecordCount = records,
                    SizeBytes = records * 64,
                    Formats = Some(Taxonomy.Formats, 2),
                    UpdateFrequency = Pick(Taxonomy.UpdateFrequencies).Code,
                },
                Terms = new OfferedTerms
                {
                    Purposes = Some(Taxonomy.Purposes, 3),
                    MinDurationMonths = 3,
                    MaxDurationMonths = 24,
                    AskingPriceKrw = random.Next(1, 500) * 100_000m,
                },
            };
            var at = now.AddSeconds(-count + i);
            var dataset = Dataset.CreateDraft(BenchProvider, metadata, at);
            dataset.Publish("bench", at);
            yield return dataset;
        }
    }
}
