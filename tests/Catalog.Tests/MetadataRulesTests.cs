using System.Text.Json;
using Marketplace.BuildingBlocks.Errors;
using Marketplace.Catalog.Domain;

namespace Marketplace.Catalog.Tests;

[Trait("Speed", "Fast")]
public sealed class MetadataRulesTests
{
    private static readonly DatasetMetadata Valid = new() { TitleEn = "Press vibration" };

    [Fact]
    public void A_title_in_one_language_is_enough()
    {
        MetadataRules.Validate(Valid);
        MetadataRules.Validate(new DatasetMetadata { TitleKo = "프레스 진동" });
        var error = Assert.Throws<ValidationException>(() => MetadataRules.Validate(new DatasetMetadata { DescriptionEn = "no title" }));
        Assert.Contains("titleKo", error.Errors.Keys);
    }

    [Fact]
    public void Codes_outside_the_taxonomy_are_named()
    {
        var error = Assert.Throws<ValidationException>(() => MetadataRules.Validate(Valid with
        {
            Classification = new Classification { ProcessStage = "painting", Isa95Level = 5, Industry = "C35", DataTypes = ["smell"] },
            Structure = new DataStructure { Formats = ["docx"], SamplingInterval = "every second", CoverageFrom = new(2024, 2, 1), CoverageTo = new(2024, 1, 1) },
            Terms = new OfferedTerms { Purposes = ["espionage"], MinDurationMonths = 12, MaxDurationMonths = 6, AskingPriceKrw = 10.5m },
        }));
        Assert.Equal(
            new[]
            {
                "classification.dataTypes", "classification.industry", "classification.isa95Level", "classification.processStage", "structure.coverageTo",
                "structure.formats", "structure.samplingInterval", "terms.askingPriceKrw", "terms.maxDurationMonths", "terms.purposes",
            },
            error.Errors.Keys.Order());
    }

    [Fact]
    public void A_restricted_listing_names_organisations_and_a_public_one_does_not()
    {
        Assert.Throws<ValidationException>(() => MetadataRules.Validate(Valid with { Visibility = new Visibility { Restricted = true } }));
        Assert.Throws<ValidationException>(() => MetadataRules.Validate(Valid with { Visibility = new Visibility { Organisations = [Guid.NewGuid()] } }));
        MetadataRules.Validate(Valid with { Visibility = new Visibility { Restricted = true, Organisations = [Guid.NewGuid()] } });
    }

    [Fact]
    public void A_preview_is_synthetic_and_small()
    {
        var rows = JsonSerializer.SerializeToElement(Enumerable.Range(0, 20).Select(i => new { t = i, temp = 20.5 }));
        MetadataRules.Validate(Valid with { Preview = new SyntheticPreview { Sample = rows, DeclaredSynthetic = true } });

        Assert.Equal("preview.declaredSynthetic", Assert.Throws<RuleViolationException>(() =>
            MetadataRules.Validate(Valid with { Preview = new SyntheticPreview { Sample = rows } })).Errors.Keys.Single());
        var tooMany = JsonSerializer.SerializeToElement(Enumerable.Range(0, 21).Select(i => new { t = i }));
        Assert.Equal("preview.sample", Assert.Throws<RuleViolationException>(() =>
            MetadataRules.Validate(Valid with { Preview = new SyntheticPreview { Sample = tooMany, DeclaredSynthetic = true } })).Errors.Keys.Single());
        var tooLarge = JsonSerializer.SerializeToElement(new { note = new string('x', DatasetLimits.PreviewBytes) });
        Assert.Equal("preview.sample", Assert.Throws<RuleViolationException>(() =>
            MetadataRules.Validate(Valid with { Preview = new SyntheticPreview { Sample = tooLarge, DeclaredSynthetic = true } })).Errors.Keys.Single());
    }

    [Fact]
    public void Embedded_files_are_refused_with_the_field_named()
    {
        var dataUri = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
        Assert.Equal("descriptionEn", Assert.Throws<RuleViolationException>(() => MetadataRules.Validate(Valid with { DescriptionEn = dataUri })).Errors.Keys.Single());

        var blob = Convert.ToBase64String(new byte[1200].Select((_, i) => (byte)(i * 7)).ToArray());
        Assert.Equal("quality.knownIssues", Assert.Throws<RuleViolationException>(() =>
            MetadataRules.Validate(Valid with { Quality = new QualityIndicators { KnownIssues = blob } })).Errors.Keys.Single());

        var sample = JsonSerializer.SerializeToElement(new[] { new { photo = dataUri } });
        Assert.Equal("preview.sample", Assert.Throws<RuleViolationException>(() =>
            MetadataRules.Validate(Valid with { Preview = new SyntheticPreview { Sample = sample, DeclaredSynthetic = true } })).Errors.Keys.Single());

        // Long ordinary prose is not a file.
        MetadataRules.Validate(Valid with { DescriptionEn = string.Join(' ', Enumerable.Repeat("vibration of the press frame", 100)) });
    }
}
