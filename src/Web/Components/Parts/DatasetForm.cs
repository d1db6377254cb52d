using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Web.Api;

namespace Marketplace.Web.Components.Parts;

/// <summary>A dataset's metadata as the provider fills it in, to and from the API's document.</summary>
public sealed class DatasetForm
{
    public string? TitleKo { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionKo { get; set; }
    public string? DescriptionEn { get; set; }

    /// <summary>Comma-separated, as people type them.</summary>
    public string? Keywords { get; set; }

    public string? ProcessStage { get; set; }
    public string? Isa95Level { get; set; }
    public string? Industry { get; set; }
    public string[] DataTypes { get; set => field = value ?? []; } = [];
    public string? EquipmentType { get; set; }

    public List<FieldRow> Fields { get; set => field = value ?? []; } = [];
    public DateOnly? CoverageFrom { get; set; }
    public DateOnly? CoverageTo { get; set; }
    public string? SamplingInterval { get; set; }
    public long? RecordCount { get; set; }
    public long? SizeBytes { get; set; }
    public string[] Formats { get; set => field = value ?? []; } = [];
    public string? UpdateFrequency { get; set; }
    public string? CollectionMethod { get; set; }
    public string? Anonymisation { get; set; }

    public decimal? CompletenessPercent { get; set; }
    public bool Labelled { get; set; }
    public string? LabelDescription { get; set; }
    public string? KnownIssues { get; set; }

    /// <summary>A synthetic sample as JSON (at most 20 rows), checked here and by the API.</summary>
    public string? PreviewJson { get; set; }
    public bool DeclaredSynthetic { get; set; }

    public string[] Purposes { get; set => field = value ?? []; } = [];
    public int? MinDurationMonths { get; set; }
    public int? MaxDurationMonths { get; set; }
    public bool ExclusivityAvailable { get; set; }
    public decimal? AskingPriceKrw { get; set; }

    /// <summary>Who may see it, kept as it came (the console does not edit partner lists yet).</summary>
    public string? VisibilityJson { get; set; }

    /// <summary>The version edited (If-Match), so a change by someone else meanwhile is a conflict, not lost.</summary>
    public string? ETag { get; set; }

    /// <summary>"save", or "add-field" to add a row to the field table without saving.</summary>
    public string? Command { get; set; }

    public sealed class FieldRow
    {
        public string? Name { get; set; }
        public string? Type { get; set; }
        public string? Unit { get; set; }
        public string? Description { get; set; }
    }

    public static readonly string[] FieldTypes = ["string", "integer", "float", "boolean", "datetime", "date", "image", "binary"];

    public static DatasetForm Blank() => new() { Fields = [new(), new(), new()], DeclaredSynthetic = true };

    public static DatasetForm From(JsonElement dataset, string? etag)
    {
        var m = dataset.Get("metadata");
        var c = m.Get("classification");
        var s = m.Get("structure");
        var q = m.Get("quality");
        var t = m.Get("terms");
        var preview = m.Get("preview");
        return new DatasetForm
        {
            TitleKo = m.Str("titleKo"), TitleEn = m.Str("titleEn"), DescriptionKo = m.Str("descriptionKo"), DescriptionEn = m.Str("descriptionEn"),
            Keywords = string.Join(", ", m.Items("keywords").Select(k => k.GetString())),
            ProcessStage = c.Str("processStage"), Isa95Level = c.Str("isa95Level"), Industry = c.Str("industry"),
            DataTypes = [.. c.Items("dataTypes").Select(d => d.GetString()!)], EquipmentType = c.Str("equipmentType"),
            Fields = [.. s.Items("fields").Select(f => new FieldRow { Name = f.Str("name"), Type = f.Str("type"), Unit = f.Str("unit"), Description = f.Str("description") }), new()],
            CoverageFrom = DateOnly.TryParse(s.Str("coverageFrom"), CultureInfo.InvariantCulture, out var from) ? from : null,
            CoverageTo = DateOnly.TryParse(s.Str("coverageTo"), CultureInfo.InvariantCulture, out var to) ? to : null,
            SamplingInterval = s.Str("samplingInterval"), RecordCount = s.Whole("recordCount"), SizeBytes = s.Whole("sizeBytes"),
            Formats = [.. s.Items("formats").Select(f => f.GetString()!)], UpdateFrequency = s.Str("updateFrequency"),
            CollectionMethod = s.Str("collectionMethod"), Anonymisation = s.Str("anonymisation"),
            CompletenessPercent = q.Dec("completenessPercent"), Labelled = q.Bool("labelled"), LabelDescription = q.Str("labelDescription"), KnownIssues = q.Str("knownIssues"),
            PreviewJson = preview.Get("sample") is { ValueKind: not JsonValueKind.Undefined } sample ? JsonSerializer.Serialize(sample, Indented) : null,
            DeclaredSynthetic = preview.ValueKind != JsonValueKind.Object || preview.Bool("declaredSynthetic"),
            Purposes = [.. t.Items("purposes").Select(p => p.GetString()!)],
            MinDurationMonths = (int?)t.Whole("minDurationMonths"), MaxDurationMonths = (int?)t.Whole("maxDurationMonths"),
            ExclusivityAvailable = t.Bool("exclusivityAvailable"), AskingPriceKrw = t.Dec("askingPriceKrw"),
            VisibilityJson = m.Get("visibility").ValueKind == JsonValueKind.Object ? m.Get("visibility").GetRawText() : null,
            ETag = etag,
        };
    }

    /// <summary>The whole metadata document (PUT replaces every member); a preview that is not JSON is the form's own error.</summary>
    public JsonObject ToDocument(out string? previewError)
    {
        previewError = null;
        JsonNode? sample = null;
        if (!string.IsNullOrWhiteSpace(PreviewJson))
        {
            try
            {
                sample = JsonNode.Parse(PreviewJson);
            }
            catch (JsonException e)
            {
                previewError = e.Message;
            }
        }

        return new JsonObject
        {
            ["titleKo"] = Text(TitleKo), ["titleEn"] = Text(TitleEn), ["descriptionKo"] = Text(DescriptionKo), ["descriptionEn"] = Text(DescriptionEn),
            ["keywords"] = Array((Keywords ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            ["classification"] = new JsonObject
            {
                ["processStage"] = Text(ProcessStage),
                ["isa95Level"] = int.TryParse(Isa95Level, CultureInfo.InvariantCulture, out var level) ? level : null,
                ["industry"] = Text(Industry), ["dataTypes"] = Array(DataTypes), ["equipmentType"] = Text(EquipmentType),
            },
            ["structure"] = new JsonObject
            {
                ["fields"] = new JsonArray([.. Fields.Where(f => !string.IsNullOrWhiteSpace(f.Name) || !string.IsNullOrWhiteSpace(f.Type))
                    .Select(f => (JsonNode)new JsonObject { ["name"] = Text(f.Name), ["type"] = Text(f.Type), ["unit"] = Text(f.Unit), ["description"] = Text(f.Description) })]),
                ["coverageFrom"] = CoverageFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["coverageTo"] = CoverageTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["samplingInterval"] = Text(SamplingInterval), ["recordCount"] = RecordCount, ["sizeBytes"] = SizeBytes,
                ["formats"] = Array(Formats), ["updateFrequency"] = Text(UpdateFrequency),
                ["collectionMethod"] = Text(CollectionMethod), ["anonymisation"] = Text(Anonymisation),
            },
            ["quality"] = new JsonObject
            {
                ["completenessPercent"] = CompletenessPercent, ["labelled"] = Labelled, ["labelDescription"] = Text(LabelDescription), ["knownIssues"] = Text(KnownIssues),
            },
            ["preview"] = sample is null ? null : new JsonObject { ["sample"] = sample, ["declaredSynthetic"] = DeclaredSynthetic },
            ["terms"] = new JsonObject
            {
                ["purposes"] = Array(Purposes), ["minDurationMonths"] = MinDurationMonths, ["maxDurationMonths"] = MaxDurationMonths,
                ["exclusivityAvailable"] = ExclusivityAvailable, ["askingPriceKrw"] = AskingPriceKrw,
            },
            ["visibility"] = VisibilityJson is { Length: > 0 } v ? JsonNode.Parse(v) : new JsonObject { ["restricted"] = false },
        };
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode)JsonValue.Create(v))]);
}
