using System.Text.Json;
using System.Xml;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.BuildingBlocks.Pricing;

namespace Marketplace.Catalog.Domain;

/// <summary>
/// Checks a dataset document: malformed fields are a 400 naming each one; a preview that is too large
/// or not declared synthetic, or a field carrying an embedded file, is a 422 naming the field.
/// </summary>
public static class MetadataRules
{
    public static void Validate(DatasetMetadata m)
    {
        var v = new Validator()
            .Require(!string.IsNullOrWhiteSpace(m.TitleKo) || !string.IsNullOrWhiteSpace(m.TitleEn), nameof(m.TitleKo), "A Korean or an English title is required.")
            .MaxLength(m.TitleKo, DatasetLimits.TitleLength, nameof(m.TitleKo))
            .MaxLength(m.TitleEn, DatasetLimits.TitleLength, nameof(m.TitleEn))
            .MaxLength(m.DescriptionKo, DatasetLimits.DescriptionLength, nameof(m.DescriptionKo))
            .MaxLength(m.DescriptionEn, DatasetLimits.DescriptionLength, nameof(m.DescriptionEn))
            .Require(m.Keywords.Length <= DatasetLimits.Keywords, nameof(m.Keywords), $"At most {DatasetLimits.Keywords} keywords.")
            .Require(m.Keywords.All(k => !string.IsNullOrWhiteSpace(k) && k.Length <= DatasetLimits.KeywordLength), nameof(m.Keywords),
                $"Keywords must be non-empty and at most {DatasetLimits.KeywordLength} characters.");

        var c = m.Classification;
        const string classification = nameof(m.Classification);
        v.Require(c.ProcessStage is null || Taxonomy.IsKnown(Taxonomy.ProcessStages, c.ProcessStage), $"{classification}.{nameof(c.ProcessStage)}", Unknown(Taxonomy.ProcessStages))
            .Require(c.Isa95Level is null or (>= 0 and <= 4), $"{classification}.{nameof(c.Isa95Level)}", "Must be an ISA-95 level from 0 to 4.")
            .Require(c.Industry is null || Taxonomy.IsKnown(Taxonomy.Industries, c.Industry), $"{classification}.{nameof(c.Industry)}", "Must be a KSIC manufacturing division, C10 to C34.")
            .Require(c.DataTypes.All(t => Taxonomy.IsKnown(Taxonomy.DataTypes, t)), $"{classification}.{nameof(c.DataTypes)}", Unknown(Taxonomy.DataTypes))
            .MaxLength(c.EquipmentType, 100, $"{classification}.{nameof(c.EquipmentType)}");

        var s = m.Structure;
        const string structure = nameof(m.Structure);
        v.Require(s.Fields.Length <= DatasetLimits.SchemaFields, $"{structure}.{nameof(s.Fields)}", $"At most {DatasetLimits.SchemaFields} fields.");
        for (var i = 0; i < Math.Min(s.Fields.Length, DatasetLimits.SchemaFields); i++)
        {
            var f = s.Fields[i];
            var path = $"{structure}.{nameof(s.Fields)}[{i}]";
            v.Require(f is not null && !string.IsNullOrWhiteSpace(f.Name), $"{path}.Name", "A field needs a name.");
            if (f is not null)
            {
                v.MaxLength(f.Name, 100, $"{path}.Name").MaxLength(f.Type, 50, $"{path}.Type")
                    .MaxLength(f.Unit, 30, $"{path}.Unit").MaxLength(f.Description, 500, $"{path}.Description");
            }
        }

        v.Require(s.CoverageFrom is null || s.CoverageTo is null || s.CoverageFrom <= s.CoverageTo, $"{structure}.{nameof(s.CoverageTo)}", "Must not be before CoverageFrom.")
            .Require(s.SamplingInterval is null || IsDuration(s.SamplingInterval), $"{structure}.{nameof(s.SamplingInterval)}", "Must be an ISO 8601 duration such as PT1S, PT10M or P1D.")
            .Require(s.RecordCount is null or >= 0, $"{structure}.{nameof(s.RecordCount)}", "Must not be negative.")
            .Require(s.SizeBytes is null or >= 0, $"{structure}.{nameof(s.SizeBytes)}", "Must not be negative.")
            .Require(s.Formats.All(f => Taxonomy.IsKnown(Taxonomy.Formats, f)), $"{structure}.{nameof(s.Formats)}", Unknown(Taxonomy.Formats))
            .Require(s.UpdateFrequency is null || Taxonomy.IsKnown(Taxonomy.UpdateFrequencies, s.UpdateFrequency), $"{structure}.{nameof(s.UpdateFrequency)}", Unknown(Taxonomy.UpdateFrequencies))
            .MaxLength(s.CollectionMethod, DatasetLimits.TextLength, $"{structure}.{nameof(s.CollectionMethod)}")
            .MaxLength(s.Anonymisation, DatasetLimits.TextLength, $"{structure}.{nameof(s.Anonymisation)}");

        var q = m.Quality;
        const string quality = nameof(m.Quality);
        v.Require(q.CompletenessPercent is null or (>= 0 and <= 100), $"{quality}.{nameof(q.CompletenessPercent)}", "Must be between 0 and 100.")
            .MaxLength(q.LabelDescription, DatasetLimits.TextLength, $"{quality}.{nameof(q.LabelDescription)}")
            .MaxLength(q.KnownIssues, DatasetLimits.TextLength, $"{quality}.{nameof(q.KnownIssues)}");

        var t = m.Terms;
        const string terms = nameof(m.Terms);
        v.Require(t.Purposes.All(p => Taxonomy.IsKnown(Taxonomy.Purposes, p)), $"{terms}.{nameof(t.Purposes)}", Unknown(Taxonomy.Purposes))
            .Require(t.MinDurationMonths is null or (>= 1 and <= DatasetLimits.MaxDurationMonths), $"{terms}.{nameof(t.MinDurationMonths)}", $"Must be 1 to {DatasetLimits.MaxDurationMonths} months.")
            .Require(t.MaxDurationMonths is null or (>= 1 and <= DatasetLimits.MaxDurationMonths), $"{terms}.{nameof(t.MaxDurationMonths)}", $"Must be 1 to {DatasetLimits.MaxDurationMonths} months.")
            .Require(t.MinDurationMonths is null || t.MaxDurationMonths is null || t.MinDurationMonths <= t.MaxDurationMonths, $"{terms}.{nameof(t.MaxDurationMonths)}", "Must not be below MinDurationMonths.")
            .Require(t.AskingPriceKrw is null || Money.IsWholeWon(t.AskingPriceKrw), $"{terms}.{nameof(t.AskingPriceKrw)}", Money.WholeWonRule);

        var vis = m.Visibility;
        const string visibility = nameof(m.Visibility);
        v.Require(!vis.Restricted || vis.Organisations.Length is > 0 and <= DatasetLimits.VisibleToOrganisations, $"{visibility}.{nameof(vis.Organisations)}",
                $"A restricted dataset names 1 to {DatasetLimits.VisibleToOrganisations} organisations.")
            .Require(vis.Restricted || vis.Organisations.Length == 0, $"{visibility}.{nameof(vis.Organisations)}", "Only a restricted dataset names organisations.")
            .Require(vis.Organisations.All(o => o != Guid.Empty), $"{visibility}.{nameof(vis.Organisations)}", "Organisation ids must not be empty.")
            .ThrowIfInvalid();

        CheckPreview(m.Preview);
        RejectEmbeddedFiles(m);
    }

    private static void CheckPreview(SyntheticPreview? preview)
    {
        if (preview is null)
        {
            return;
        }

        const string field = nameof(DatasetMetadata.Preview);
        if (!preview.DeclaredSynthetic)
        {
            throw new RuleViolationException("A preview must be synthetic: declare that it contains no real data.", $"{field}.{nameof(preview.DeclaredSynthetic)}");
        }

        if (preview.Sample.ValueKind == JsonValueKind.Undefined)
        {
            throw new RuleViolationException("A preview needs a sample.", $"{field}.{nameof(preview.Sample)}");
        }

        if (preview.Sample.GetRawText().Length > DatasetLimits.PreviewBytes)
        {
            throw new RuleViolationException($"A preview may be at most {DatasetLimits.PreviewBytes / 1024} KB.", $"{field}.{nameof(preview.Sample)}");
        }

        if (preview.Sample.ValueKind == JsonValueKind.Array && preview.Sample.GetArrayLength() > DatasetLimits.PreviewRows)
        {
            throw new RuleViolationException($"A preview may have at most {DatasetLimits.PreviewRows} rows.", $"{field}.{nameof(preview.Sample)}");
        }
    }

    private static void RejectEmbeddedFiles(DatasetMetadata m)
    {
        foreach (var (path, text) in Texts(m))
        {
            if (IsEmbeddedFile(text))
            {
                throw new RuleViolationException("This field holds an embedded file. The catalog takes metadata only; the data stays with the provider.", path);
            }
        }
    }

    /// <summary>A data URI, or a long run of nothing but base64.</summary>
    public static bool IsEmbeddedFile(string? text) =>
        text is not null
        && ((text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && text.Contains(";base64,", StringComparison.OrdinalIgnoreCase))
            || (text.Length >= DatasetLimits.EmbeddedFileThreshold && text.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '+' or '/' or '=' or '\r' or '\n')));

    private static IEnumerable<(string Path, string? Text)> Texts(DatasetMetadata m)
    {
        yield return (nameof(m.TitleKo), m.TitleKo);
        yield return (nameof(m.TitleEn), m.TitleEn);
        yield return (nameof(m.DescriptionKo), m.DescriptionKo);
        yield return (nameof(m.DescriptionEn), m.DescriptionEn);
        yield return ("Classification.EquipmentType", m.Classification.EquipmentType);
        yield return ("Structure.CollectionMethod", m.Structure.CollectionMethod);
        yield return ("Structure.Anonymisation", m.Structure.Anonymisation);
        yield return ("Quality.LabelDescription", m.Quality.LabelDescription);
        yield return ("Quality.KnownIssues", m.Quality.KnownIssues);
        for (var i = 0; i < m.Structure.Fields.Length; i++)
        {
            yield return ($"Structure.Fields[{i}].Description", m.Structure.Fields[i]?.Description);
        }

        if (m.Preview is { } preview)
        {
            foreach (var text in Strings(preview.Sample))
            {
                yield return ("Preview.Sample", text);
            }
        }
    }

    private static IEnumerable<string?> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    private static bool IsDuration(string value)
    {
        try
        {
            return value.Length <= 50 && XmlConvert.ToTimeSpan(value) > TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static string Unknown(IReadOnlyList<Term> vocabulary) =>
        $"Unknown code; use one of: {string.Join(", ", vocabulary.Select(t => t.Code))} (GET /api/catalog/taxonomy).";
}
